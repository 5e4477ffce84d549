@appearance
Feature: system.hb_primary_color
  The documentation: "Set the primary color of the chatbox. [...] This configure call will
  only accept a hex string." Example: `olark.configure('system.hb_primary_color', '#744da8');`

  Decisions where the documentation is silent: the primary colour is the launcher's
  background; a value that is not a hex string is ignored with a console warning and the
  default colour stays.

  Scenario: the documentation's purple
    Given the embed code configures:
      """
      olark.configure('system.hb_primary_color', '#744da8');
      """
    And the visitor is on a page with the widget
    Then the computed "background-color" of the launcher is "#744da8"

  Scenario: a short hex string works too
    Given the embed code configures:
      """
      olark.configure('system.hb_primary_color', '#c00');
      """
    And the visitor is on a page with the widget
    Then the computed "background-color" of the launcher is "#cc0000"

  Scenario: the site's setting applies, and the page overrides it
    Given the site's settings set "system.hb_primary_color" to '"#1b8a3a"'
    And the embed code configures:
      """
      olark.configure('system.hb_primary_color', '#744da8');
      """
    And the visitor is on a page with the widget
    Then the computed "background-color" of the launcher is "#744da8"

  Scenario: the site's setting alone
    Given the site's settings set "system.hb_primary_color" to '"#1b8a3a"'
    And the visitor is on a page with the widget
    Then the computed "background-color" of the launcher is "#1b8a3a"

  Scenario Outline: a value that is not hex is ignored with a warning: <value>
    Given the embed code configures:
      """
      olark.configure('system.hb_primary_color', <value>);
      """
    And the visitor is on a page with the widget
    Then the console shows a warning containing "system.hb_primary_color"
    And the computed "background-color" of the launcher is not <css>

    Examples:
      | value              | css             |
      | 'purple'           | "purple"        |
      | 'rgb(116,77,168)'  | "#744da8"       |
