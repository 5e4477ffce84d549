@appearance
Feature: system.hb_show_button_text
  The documentation: "Show the button text on the chatbox icon. This can also be changed
  site wide from the Theme Settings Page." Example:
  `olark.configure('system.hb_show_button_text', true);`

  Decisions where the documentation is silent: by default the launcher shows an icon and
  no text (it keeps an accessible name); with the key it shows text as well.

  Scenario: an icon without text by default
    Given the visitor is on a page with the widget
    Then the launcher shows no text

  Scenario: the button text
    Given the embed code configures:
      """
      olark.configure('system.hb_show_button_text', true);
      """
    And the visitor is on a page with the widget
    Then the launcher shows text

  Scenario: the site's setting shows the text
    Given the site's settings set "system.hb_show_button_text" to "true"
    And the visitor is on a page with the widget
    Then the launcher shows text
