@configure @operator
Feature: system.give_location_to_operator
  The documentation ("Page change notifications"): "Gives notifications about what page
  the visitor is on. By default, each time a visitor navigates to a new URL while on your
  site, this will be sent as a notification to your operator. Set to false to disable
  this behavior."

  Decisions where the documentation is silent: the notification names the new page's URL;
  the first page of a visitor and a reload of the same URL are not page changes.

  Background:
    Given an operator "Alice" is available

  Scenario: by default a page change is reported to the operator
    Given the visitor is on a page with the widget
    When the visitor opens the "click-to-chat" page
    Then the widget becomes ready
    And operator "Alice" received a notification containing "click-to-chat.sub.html"

  Scenario: a reload is not a page change
    Given the visitor is on a page with the widget
    When the visitor reloads the page
    Then operator "Alice" received 0 notifications

  Scenario: set to false, page changes are not reported
    Given the embed code configures:
      """
      olark.configure('system.give_location_to_operator', false);
      """
    And the visitor is on a page with the widget
    When the visitor opens the "click-to-chat" page
    Then the widget becomes ready
    And operator "Alice" received no notification containing "click-to-chat.sub.html"
