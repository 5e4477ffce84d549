@box
Feature: api.box.onExpand
  The documentation: "Whenever the chatbox is expanded, the given callback function will
  be triggered." Its examples track "visitor_expanded_olark" with an analytics tool and
  wait 3 seconds after an expand before messaging the visitor.

  Decisions where the documentation is silent: the callback fires once per real change
  from minimized to expanded, whether the visitor clicked or the page called
  api.box.expand; a chatbox that starts expanded (box.start_expanded) does not fire it at load.

  Scenario: onExpand fires when the visitor clicks the launcher
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onExpand', function () {});
      """
    When the visitor clicks the launcher
    Then the chatbox is expanded
    And the api.box.onExpand callback fired once

  Scenario: onExpand fires when the page calls api.box.expand
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onExpand', function () {});
      """
    When the page runs:
      """
      olark('api.box.expand');
      """
    Then the api.box.onExpand callback fired once

  Scenario: onExpand does not fire again when the chatbox is expanded twice
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onExpand', function () {});
      """
    When the page runs:
      """
      olark('api.box.expand');
      olark('api.box.expand');
      """
    Then the api.box.onExpand callback fired once

  Scenario: onExpand fires for each expand after a shrink
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onExpand', function () {});
      """
    When the visitor clicks the launcher
    And the visitor clicks the minimize button
    And the visitor clicks the launcher
    Then the api.box.onExpand callback fired twice

  Scenario: the documentation's "track when visitors expand your Olark widget" example
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onExpand', function(event) {
          // Example code
           yourAnalytics.track("visitor_expanded_olark");
      });
      """
    When the visitor clicks the launcher
    Then the page tracked "visitor_expanded_olark"

  @clock
  Scenario: a callback that waits 3 seconds after the expand runs on the virtual clock
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onExpand', function() {
          // Wait 3 seconds (3000 milliseconds)
          setTimeout(function(){
              yourAnalytics.track("three_seconds_after_expand");
          }, 3000);
      });
      """
    When the visitor clicks the launcher
    And 2 seconds pass
    Then the page tracked "three_seconds_after_expand" 0 times
    When 1 second passes
    Then the page tracked "three_seconds_after_expand"
