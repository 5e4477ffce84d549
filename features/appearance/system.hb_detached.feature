@appearance
Feature: system.hb_detached
  The documentation: "Normally, the chatbox is anchored to the bottom of the webpage. This
  detaches the chatbox from the bottom of the page, allowing it to float near the bottom
  instead." Example: `olark.configure('system.hb_detached', true);`

  Scenario: by default the expanded chatbox is anchored to the bottom
    Given the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel touches the bottom edge of the viewport

  Scenario: detached, the expanded chatbox floats above the bottom
    Given the embed code configures:
      """
      olark.configure('system.hb_detached', true);
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel floats at least 8px above the bottom edge of the viewport
