package com.spaceduck.cert.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NameMaskerTest {

  @Test
  void keepsTheFirstLetterOfEachWord() {
    assertEquals("J*** D**", NameMasker.mask("Jane Doe"));
    assertEquals("M*** S**** W*******", NameMasker.mask("Mary Sarah Williams"));
  }

  @Test
  void singleLettersStay() {
    assertEquals("J", NameMasker.mask("J"));
    assertEquals("J D", NameMasker.mask("J D"));
    assertEquals("A B*** C", NameMasker.mask("A Bert C"));
  }

  @Test
  void emptyAndNullStayEmpty() {
    assertEquals("", NameMasker.mask(""));
    assertEquals("", NameMasker.mask(null));
  }

  @Test
  void whitespaceIsKeptAsItIs() {
    assertEquals("  J***\tD**  ", NameMasker.mask("  Jane\tDoe  "));
    assertEquals("   ", NameMasker.mask("   "));
    // A no-break space separates words too.
    assertEquals("J***\u00a0D**", NameMasker.mask("Jane\u00a0Doe"));
  }

  @Test
  void unicodeLettersCountAsOneCharacterEach() {
    assertEquals("É***** Z***", NameMasker.mask("Élodie Zoël"));
    assertEquals("山**", NameMasker.mask("山田太"));
    assertEquals("Ж**** П******", NameMasker.mask("Жанна Петрова"));
  }

  @Test
  void supplementaryCodePointsAreNotSplit() {
    // U+1D49C MATHEMATICAL SCRIPT CAPITAL A is two UTF-16 chars; it stays whole.
    assertEquals("\uD835\uDC9C**", NameMasker.mask("\uD835\uDC9Cbc"));
    // Emoji after the first letter become one star each, not two.
    assertEquals("D**", NameMasker.mask("D\uD83E\uDD86\uD83E\uDD86"));
    assertEquals("\uD83E\uDD86 D***", NameMasker.mask("\uD83E\uDD86 Duck"));
  }

  @Test
  void punctuationInsideAWordIsMasked() {
    assertEquals("J******* O******", NameMasker.mask("Jean-Luc O'Brien"));
  }
}
