@appearance @mobile
Feature: system.hb_disable_mobile
  The documentation: "Disable the mobile chatbox. This can also be changed site wide from
  the Theme Settings Page." Example: `olark.configure('system.hb_disable_mobile', true);`

  Decisions where the documentation is silent: "mobile" is a viewport narrower than 600
  CSS pixels when the widget loads; there the widget is not displayed at all. Desktop
  viewports are not affected.

  Scenario: on a phone-sized viewport the widget is not displayed
    Given the viewport is 375 by 667 pixels
    And the embed code configures:
      """
      olark.configure('system.hb_disable_mobile', true);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is hidden

  Scenario: without it the widget shows on a phone-sized viewport
    Given the viewport is 375 by 667 pixels
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is shown

  Scenario: a desktop viewport still shows the widget
    Given the embed code configures:
      """
      olark.configure('system.hb_disable_mobile', true);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is shown
