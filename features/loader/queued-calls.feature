@loader
Feature: Calls queued by the embed snippet
  Sites call olark(...) before the loader has arrived; the snippet's stub queues each call
  in olark._.s (see shared/olark-api/embed-snippets.md). The loader must replay the queue in order, replace
  the stub with the live API, and keep going when an entry is malformed or unknown.

  Decisions:
  - Configuration (olark.configure) queued anywhere before load applies before the first
    render, as the documentation asks sites to put it before olark.identify.
  - olark._.c is a snapshot of the same configure calls; replaying both must not apply a
    value twice (observable here as a single, consistent state).
  - A malformed entry (null, empty, not array-like, a non-string name) is skipped; the rest
    still run. An unknown call name is reported on the console and does not break the widget.

  Scenario: queued calls replay in the order the page made them
    Given the embed code ends with:
      """
      olark('api.box.onShow', function () {});
      olark('api.box.onHide', function () {});
      olark('api.box.onExpand', function () {});
      olark('api.box.hide');
      olark('api.box.show');
      olark('api.box.expand');
      """
    When the visitor opens the page
    Then the callbacks fired in this order:
      """
      api.box.onHide
      api.box.onShow
      api.box.onExpand
      """
    And the chatbox is expanded

  Scenario: configure before identify applies before the first render
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox was never displayed

  Scenario: configure queued after identify still applies before the first render
    Given the embed code ends with:
      """
      olark.configure('box.start_hidden', true);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox was never displayed

  Scenario: calls made after the widget has loaded work
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.expand');
      """
    Then the chatbox is expanded

  Scenario: malformed queue entries do not drop the calls around them
    Given the embed code ends with:
      """
      olark('api.chat.onReady', function () {});
      olark._.s.push(null);
      olark._.s.push([]);
      olark._.s.push({ not: 'arguments' });
      olark._.s.push([42, 'not a call name']);
      olark._.s.push(undefined);
      olark('api.box.expand');
      """
    When the visitor opens the page
    Then the api.chat.onReady callback fired once
    And the chatbox is expanded

  Scenario: an unknown call queued before load is reported and skipped
    Given the embed code ends with:
      """
      olark('api.box.nonexistent');
      olark('api.box.expand');
      """
    When the visitor opens the page
    Then the console shows a warning containing "api.box.nonexistent"
    And the chatbox is expanded

  Scenario: an unknown call after load is reported and the widget keeps working
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.nonexistent', 1, 2);
      """
    Then the console shows a warning containing "api.box.nonexistent"
    When the page runs:
      """
      olark('api.box.expand');
      """
    Then the chatbox is expanded
    And the page raised no errors

  Scenario: the live API replaces the stub and its methods
    Given the visitor is on a page with the widget
    When the page runs:
      """
      // The stub's methods only queue; after load they must act.
      olark.configure('locale.welcome_title', 'Hi');
      olark('api.box.onExpand', function () {});
      olark('api.box.expand');
      """
    Then the api.box.onExpand callback fired once
