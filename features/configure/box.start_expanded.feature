@configure
Feature: box.start_expanded
  The documentation: "Expand the chatbox by default when the page loads." Example:
  `olark.configure('box.start_expanded', true);`, placed before olark.identify.

  Decisions where the documentation is silent:
  - Starting expanded is how the chatbox first renders, not a change: api.box.onExpand
    does not fire at load.
  - With box.start_hidden as well, the chatbox stays hidden and is expanded once shown.

  Scenario: the chatbox is expanded when the page loads
    Given the embed code configures:
      """
      olark.configure('box.start_expanded', true);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is expanded

  Scenario: starting expanded does not fire onExpand
    Given the embed code configures:
      """
      olark.configure('box.start_expanded', true);
      olark('api.box.onExpand', function () {});
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is expanded
    And the api.box.onExpand callback did not fire

  Scenario: a chatbox that starts expanded can be minimized by the visitor
    Given the embed code configures:
      """
      olark.configure('box.start_expanded', true);
      """
    And the visitor is on a page with the widget
    When the visitor clicks the minimize button
    Then the chatbox is shrunk

  Scenario: with box.start_hidden too, the chatbox is hidden and expanded once shown
    Given the embed code configures:
      """
      olark.configure('box.start_expanded', true);
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the chatbox is hidden
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the chatbox is expanded

  Scenario: without box.start_expanded the chatbox starts minimized
    Given the visitor is on a page with the widget
    Then the chatbox is shrunk
