package com.spaceduck.cert.verify;

/**
 * Masks a holder's display name for the public verify answer: the first letter of each word stays,
 * every other character becomes {@code *}, whitespace stays as it is ({@code "Jane Doe"} → {@code
 * "J*** D**"}). Works on Unicode code points, so a letter outside the BMP is one letter and one
 * star.
 */
public final class NameMasker {

  private static final int MASK = '*';

  private NameMasker() {}

  public static String mask(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    StringBuilder masked = new StringBuilder(name.length());
    boolean wordStart = true;
    for (int i = 0; i < name.length(); ) {
      int codePoint = name.codePointAt(i);
      i += Character.charCount(codePoint);
      if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
        masked.appendCodePoint(codePoint);
        wordStart = true;
      } else {
        masked.appendCodePoint(wordStart ? codePoint : MASK);
        wordStart = false;
      }
    }
    return masked.toString();
  }
}
