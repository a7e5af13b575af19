-- pgbench script: the same primary-key lookup the service does for one verify request.
-- The ids are md5('cert-' || n)::uuid, as run.sh seeds them.
\set n random(1, 10000)
select * from certificates where cert_id = md5('cert-' || :n)::uuid;
