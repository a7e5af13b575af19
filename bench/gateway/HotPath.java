package com.spaceduck.gateway.ratelimit;

/**
 * Nanoseconds per call of the work the abuse checks (issue 10) add to a request, in a warm loop:
 * the canonical path and IP bucket id, a key's shape check, a second (leased) bucket, an IPv6 /64.
 * It lives in the limiter's package to reach its package-private parts; see README.md for how to
 * run it.
 */
public class HotPath {
  static volatile Object sink;

  public static void main(String[] args) throws Exception {
    BucketKeys keys = new BucketKeys(null, 64);
    Leases leases = new Leases();
    String[] paths = {"/beak/metrics", "/beak/keys", "/v1/catalog", "/beak/signup"};
    String key = "bk_live_benchbenchbenchbenchbenchbench";
    for (int round = 0; round < 5; round++) {
      long n = 20_000_000;
      long t0 = System.nanoTime();
      for (long i = 0; i < n; i++) {
        sink = CanonicalPaths.of(paths[(int) (i & 3)]);
        sink = keys.ip("127.0.0.1");
      }
      long t1 = System.nanoTime();
      for (long i = 0; i < n; i++) {
        sink = BucketKeys.wellFormedKey(key) ? key : null;
      }
      long t2 = System.nanoTime();
      long now = 0;
      for (long i = 0; i < n; i++) {
        if ((i % 50) == 0) {
          leases.add(
              "sd:rl:beak/ip:ip:127.0.0.1", 50, 1_000_000, now + 1_000_000, now + 1_000_000, now);
        }
        sink = leases.take("sd:rl:beak/ip:ip:127.0.0.1", now);
        now++;
      }
      long t3 = System.nanoTime();
      for (long i = 0; i < n / 10; i++) {
        sink = keys.ip("2001:db8:1:2::" + (i & 0xff));
      }
      long t4 = System.nanoTime();
      System.out.printf(
          "round %d: canonical path + IP bucket id %.1f ns, key shape %.1f ns,"
              + " second leased bucket %.1f ns, IPv6 /64 bucket id %.1f ns%n",
          round,
          (t1 - t0) / (double) n,
          (t2 - t1) / (double) n,
          (t3 - t2) / (double) n,
          (t4 - t3) / (double) (n / 10));
    }
  }
}
