package com.spaceduck.gateway.ratelimit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The path a limit group is chosen by: the request's normalised path as the services will dispatch
 * it, so no spelling of a path reaches a resource under a laxer group than the resource's own.
 *
 * <p>Quarkus REST (3.34) serves {@code /beak/signup/}, {@code /beak//signup}, {@code
 * /beak/signup;x}, {@code /beak;x/signup} and, once a segment carries matrix parameters, {@code
 * /beak%2Fsignup;x} as {@code /beak/signup}: it drops empty segments and a trailing slash, strips
 * {@code ;…} from every segment and then percent-decodes each. Matching is case-sensitive, so
 * {@code /beak/SIGNUP} is a 404 there and needs no group of its own. This form does all of that
 * always, also where the service would not decode (a {@code %2F} without {@code ;} is a 404 there):
 * decoding never removes the literal characters a group's path consists of, so it can only move a
 * path into a more specific group, never out of one.
 */
public final class CanonicalPaths {

  private CanonicalPaths() {}

  /**
   * The canonical form of a normalised path, or {@code null} when its percent-encoding is malformed
   * (the services answer 400 to those).
   */
  public static String of(String path) {
    if (plain(path)) {
      return path;
    }
    StringBuilder canonical = new StringBuilder(path.length());
    int length = path.length();
    int start = 0;
    while (start < length) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = length;
      }
      int matrix = path.indexOf(';', start);
      int segmentEnd = matrix >= 0 && matrix < end ? matrix : end;
      if (segmentEnd > start) {
        canonical.append('/');
        if (!decode(path, start, segmentEnd, canonical)) {
          return null;
        }
      }
      start = end + 1;
    }
    // A decoded %2F may have made empty segments or a trailing slash again.
    return collapse(canonical);
  }

  private static String collapse(StringBuilder path) {
    StringBuilder collapsed = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '/' || collapsed.length() == 0 || collapsed.charAt(collapsed.length() - 1) != '/') {
        collapsed.append(c);
      }
    }
    int last = collapsed.length() - 1;
    if (last > 0 && collapsed.charAt(last) == '/') {
      collapsed.setLength(last);
    }
    return collapsed.length() == 0 ? "/" : collapsed.toString();
  }

  /** Whether the path is already canonical: the common case, answered without allocating. */
  private static boolean plain(String path) {
    int length = path.length();
    if (length > 1 && path.charAt(length - 1) == '/') {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < length; i++) {
      char c = path.charAt(i);
      if (c == ';' || c == '%' || (c == '/' && previous == '/')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  private static boolean decode(String path, int start, int end, StringBuilder out) {
    int percent = path.indexOf('%', start);
    if (percent < 0 || percent >= end) {
      out.append(path, start, end);
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
    for (int i = start; i < end; i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= end) {
          return false;
        }
        int high = Character.digit(path.charAt(i + 1), 16);
        int low = Character.digit(path.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return false;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    out.append(bytes.toString(StandardCharsets.UTF_8));
    return true;
  }
}
