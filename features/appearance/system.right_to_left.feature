@appearance
Feature: system.right_to_left
  The documentation ("Change Text Position"): "Change the text position for right to left
  language support. This can also be changed site wide from the Theme Settings Page."
  Example: `olark.configure('system.right_to_left', true);`

  Decisions where the documentation is silent: the chatbox's computed `direction` is rtl
  (so text, inputs and layout follow); left to right by default.

  Scenario: left to right by default
    Given the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the computed "direction" of the chatbox panel is "ltr"

  Scenario: right to left
    Given an operator "Alice" is available
    And the embed code configures:
      """
      olark.configure('system.right_to_left', true);
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the computed "direction" of the chatbox panel is "rtl"
    And the computed "direction" of the message input is "rtl"
