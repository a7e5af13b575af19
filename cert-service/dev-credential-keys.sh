# shellcheck shell=bash
# Development credential keys for cert-service (an EC P-256 pair, its own, never identity's),
# generated once into DIR and exported as cert-service's key settings. Source it, then:
#   use_dev_credential_keys DIR
# (cert-service/README.md, "Signing keys"; production keys come from a secret, never from here.)
use_dev_credential_keys() {
  local dir=$1
  if [[ ! -s $dir/credential-signing.pem ]]; then
    command -v openssl >/dev/null 2>&1 || { echo "openssl is needed to generate credential keys" >&2; return 1; }
    mkdir -p "$dir"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/credential-signing.pem" 2>/dev/null
    openssl pkey -in "$dir/credential-signing.pem" -pubout -out "$dir/credential-signing.pub.pem"
    chmod 600 "$dir/credential-signing.pem"
  fi
  export SPACEDUCK_CERT_CREDENTIALS_SIGNING_KEY_LOCATION=$dir/credential-signing.pem
  export SPACEDUCK_CERT_CREDENTIALS_PUBLIC_KEY_LOCATION=$dir/credential-signing.pub.pem
}
