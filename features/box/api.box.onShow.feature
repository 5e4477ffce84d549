@box
Feature: api.box.onShow
  The documentation: "Whenever the chatbox is shown (unhidden), the given callback
  function will be triggered."

  Decisions where the documentation is silent (shared by all box callbacks):
  - Callbacks fire once per real state change, never for a call that changes nothing.
  - The chatbox appearing when the widget first loads is not a change: onShow does not
    fire for the initial render.
  - Every registered callback fires, in registration order.

  Scenario: onShow fires when a hidden chatbox is shown
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function () {});
      """
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the api.box.onShow callback fired once

  Scenario: onShow does not fire again when the chatbox is shown twice
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function () {});
      """
    When the page runs:
      """
      olark('api.box.show');
      olark('api.box.show');
      """
    Then the api.box.onShow callback fired once

  Scenario: onShow fires on every hide-then-show
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function () {});
      """
    When the page runs:
      """
      olark('api.box.hide');
      olark('api.box.show');
      olark('api.box.hide');
      olark('api.box.show');
      """
    Then the api.box.onShow callback fired twice

  Scenario: onShow does not fire for the chatbox appearing at load
    Given the embed code configures:
      """
      olark('api.box.onShow', function () {});
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is shown
    And the api.box.onShow callback did not fire

  Scenario: onShow fires when api.box.expand shows a hidden chatbox
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function () {});
      """
    When the page runs:
      """
      olark('api.box.expand');
      """
    Then the api.box.onShow callback fired once

  Scenario: every registered onShow callback fires
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function () {});
      olark('api.box.onShow', function () {});
      """
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the 1st api.box.onShow callback fired once
    And the 2nd api.box.onShow callback fired once

  Scenario: the documentation's "monitor when the chat box unhides" example
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function() {
          yourAnalytics.track('chatbox_visible');
      });
      """
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the page tracked "chatbox_visible"
