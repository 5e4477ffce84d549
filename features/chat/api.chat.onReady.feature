@chat
Feature: api.chat.onReady
  The documentation: "Use this API call to detect when the Olark chatbox has loaded. You
  can create your own callback function once the onReady event fires."

  Integrations rely on onReady being latched (see shared/olark-api/embed-snippets.md): a callback
  registered after the widget is ready fires at once, including one registered inside
  another onReady callback. Each callback fires exactly once.

  Scenario: onReady registered in the embed code fires once when the widget has loaded
    Given the embed code ends with:
      """
      olark('api.chat.onReady', function () {});
      """
    When the visitor opens the page
    Then the api.chat.onReady callback fired once
    And the chatbox is shown

  Scenario: API calls made inside an onReady callback take effect
    Given the embed code ends with:
      """
      olark('api.chat.onReady', function () {
          olark('api.box.expand');
      });
      """
    When the visitor opens the page
    Then the chatbox is expanded
    And the page has exactly one chatbox

  Scenario: onReady registered after the widget is ready fires at once
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.onReady', function () {});
      """
    Then the api.chat.onReady callback fired once

  Scenario: onReady registered inside another onReady callback fires at once
    Given the embed code ends with:
      """
      olark('api.chat.onReady', function () {
          olark('api.chat.onReady', function () {});
      });
      """
    When the visitor opens the page
    Then the 1st api.chat.onReady callback fired once
    And the 2nd api.chat.onReady callback fired once

  Scenario: several onReady callbacks fire in the order they were registered
    Given the embed code ends with:
      """
      olark('api.chat.onReady', function () { yourAnalytics.track('first'); });
      olark('api.chat.onReady', function () { yourAnalytics.track('second'); });
      """
    When the visitor opens the page
    Then the 1st api.chat.onReady callback fired once
    And the 2nd api.chat.onReady callback fired once
    And the page tracked "first"
    And the page tracked "second"

  Scenario: a throwing onReady callback does not stop the others or the widget
    Given the embed code ends with:
      """
      olark('api.chat.onReady', function () { throw new Error('site bug'); });
      olark('api.chat.onReady', function () {});
      """
    When the visitor opens the page
    Then the 2nd api.chat.onReady callback fired once
    And the chatbox is shown

  Scenario: the documentation's A/B-test example sends an analytics event once loaded
    Given the embed code ends with:
      """
      olark('api.chat.onReady', function(){
          yourAnalytics.track('olark_loaded');
      });
      """
    When the visitor opens the page
    Then the page tracked "olark_loaded" once
