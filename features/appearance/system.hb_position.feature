@appearance
Feature: system.hb_position
  The documentation: "Change the position of the chatbox. This can also be changed site
  wide from the Theme Settings Page." Example: `olark.configure('system.hb_position', 'left');`

  Decisions where the documentation is silent: the default is the right; an unknown
  position is ignored with a console warning.

  Scenario: by default the chatbox is on the right
    Given the visitor is on a page with the widget
    Then the launcher is in the right half of the viewport

  Scenario: left moves the launcher and the panel to the left
    Given the embed code configures:
      """
      olark.configure('system.hb_position', 'left');
      """
    And the visitor is on a page with the widget
    Then the launcher is in the left half of the viewport
    When the visitor clicks the launcher
    Then the chatbox panel is in the left half of the viewport

  Scenario: the site's setting puts it on the left
    Given the site's settings set "system.hb_position" to '"left"'
    And the visitor is on a page with the widget
    Then the launcher is in the left half of the viewport

  Scenario: an unknown position is ignored with a warning
    Given the embed code configures:
      """
      olark.configure('system.hb_position', 'top');
      """
    And the visitor is on a page with the widget
    Then the console shows a warning containing "system.hb_position"
    And the launcher is in the right half of the viewport
