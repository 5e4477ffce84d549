@appearance
Feature: system.hb_custom_style_font
  The documentation ("Change Font Family"): "Use this call with an Array of valid loaded
  fonts. Note that the fonts must be loaded on your site for the chatbox to be able to use
  them." It is `general.fonts` of `system.hb_custom_style`; the example is
  `fonts: ['Bitter', 'serif']`.

  Decisions where the documentation is silent: the chatbox's font-family starts with the
  given fonts (whether the browser has them is the site's business); `['']` means default.

  Scenario: the documentation's Bitter font
    Given the embed code configures:
      """
      olark.configure('system.hb_custom_style', {
        general: {
          fonts: ['Bitter', 'serif'],
          corners: '',
          secondaryColor: ''
        }
      });
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the computed "font-family" of the chatbox panel starts with "Bitter"

  Scenario: the default font otherwise
    Given the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the computed "font-family" of the chatbox panel is not "Bitter, serif"
