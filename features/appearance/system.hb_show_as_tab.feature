@appearance
Feature: system.hb_show_as_tab
  The documentation: "Show the chatbox as a tab. This can also be changed site wide from
  the Theme Settings Page." Example: `olark.configure('system.hb_show_as_tab', true);`

  Decisions where the documentation is silent: a tab is attached to the bottom edge of
  the viewport; without it the launcher is a button floating above the bottom edge.

  Scenario: by default the launcher floats above the bottom edge
    Given the visitor is on a page with the widget
    Then the launcher floats at least 8px above the bottom edge of the viewport

  Scenario: shown as a tab, the launcher sits on the bottom edge
    Given the embed code configures:
      """
      olark.configure('system.hb_show_as_tab', true);
      """
    And the visitor is on a page with the widget
    Then the launcher touches the bottom edge of the viewport

  Scenario: the site's setting shows the tab
    Given the site's settings set "system.hb_show_as_tab" to "true"
    And the visitor is on a page with the widget
    Then the launcher touches the bottom edge of the viewport

  Scenario: a page can override the site's setting
    Given the site's settings set "system.hb_show_as_tab" to "true"
    And the embed code configures:
      """
      olark.configure('system.hb_show_as_tab', false);
      """
    And the visitor is on a page with the widget
    Then the launcher floats at least 8px above the bottom edge of the viewport
