@appearance @operator
Feature: system.hb_custom_style_secondary_color
  The documentation ("Change the Color of Visitor Messages"): "Change the color of your
  visitor messages. This configuration key will only accept hex values." It is
  `general.secondaryColor` of `olark.configure('system.hb_custom_style', {general: {…}})`.

  Decisions where the documentation is silent: the colour is the visitor messages'
  background; a non-hex value is ignored with a console warning.

  Scenario: the documentation's pink visitor messages
    Given an operator "Alice" is available
    And the embed code configures:
      """
      olark.configure('system.hb_custom_style', {
        general: {
          fonts: [''],
          corners: '',
          secondaryColor: '#ffe6ff'
        }
      });
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor sends "Hello"
    Then the chat shows the visitor message "Hello"
    And the computed "background-color" of the visitor message is "#ffe6ff"

  Scenario: a non-hex colour is ignored with a warning
    Given an operator "Alice" is available
    And the embed code configures:
      """
      olark.configure('system.hb_custom_style', { general: { fonts: [''], corners: '', secondaryColor: 'pink' } });
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor sends "Hello"
    Then the console shows a warning containing "secondaryColor"
    And the computed "background-color" of the visitor message is not "pink"
