@appearance
Feature: system.hb_dark_theme
  The documentation: "Choose a light or dark theme for the chatbox. This can also be
  changed site wide from the Theme Settings Page." Example:
  `olark.configure('system.hb_dark_theme', true);`

  Decisions where the documentation is silent: light by default; dark means the message
  list's background is dark (relative luminance below 0.2).

  Scenario: light by default
    Given the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the message list has a light background

  Scenario: the dark theme
    Given the embed code configures:
      """
      olark.configure('system.hb_dark_theme', true);
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the message list has a dark background

  Scenario: the site's dark theme, turned off by a page
    Given the site's settings set "system.hb_dark_theme" to "true"
    And the embed code configures:
      """
      olark.configure('system.hb_dark_theme', false);
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the message list has a light background
