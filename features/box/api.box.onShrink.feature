@box
Feature: api.box.onShrink
  The documentation: "Whenever the chatbox becomes minimized, the given callback function
  will be triggered." Its example tracks "visitor_minimized_olark".

  Decisions where the documentation is silent: the callback fires once per real change
  from expanded to minimized, whether the visitor clicked the minimize control or the page
  called api.box.shrink; hiding is not minimizing.

  Scenario: onShrink fires when the visitor clicks the minimize button
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShrink', function () {});
      olark('api.box.expand');
      """
    When the visitor clicks the minimize button
    Then the chatbox is shrunk
    And the api.box.onShrink callback fired once

  Scenario: onShrink fires when the page calls api.box.shrink
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShrink', function () {});
      olark('api.box.expand');
      """
    When the page runs:
      """
      olark('api.box.shrink');
      """
    Then the api.box.onShrink callback fired once

  Scenario: onShrink does not fire again when the chatbox is shrunk twice
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShrink', function () {});
      olark('api.box.expand');
      """
    When the page runs:
      """
      olark('api.box.shrink');
      olark('api.box.shrink');
      """
    Then the api.box.onShrink callback fired once

  Scenario: onShrink does not fire when the chatbox is hidden
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShrink', function () {});
      olark('api.box.expand');
      """
    When the page runs:
      """
      olark('api.box.hide');
      """
    Then the chatbox is hidden
    And the api.box.onShrink callback did not fire

  Scenario: the documentation's "track when visitors minimize your Olark widget" example
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShrink', function(event) {
          // Example code
           yourAnalytics.track("visitor_minimized_olark");
      });
      """
    When the visitor clicks the launcher
    And the visitor clicks the minimize button
    Then the page tracked "visitor_minimized_olark"
