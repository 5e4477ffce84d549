@loader
Feature: The embed snippets sites carry
  Any implementation must work with pages that carry the embed code unmodified
  (shared/olark-api/embed-snippets.md): the modern async snippet, the same snippet pasted twice (its
  `if(o.olark)return` makes the second copy a no-op, while its olark.identify line still
  runs), and the npm-packaged stub that queues real Arrays and once left an empty entry.

  Scenario: the modern async snippet loads one widget
    Given the visitor opens the page
    Then the widget becomes ready
    And the page has exactly one chatbox
    And the loader was requested once
    And the page raised no errors

  Scenario: a second copy of the snippet is a no-op
    Given the embed code ends with:
      """
      olark('api.chat.onReady', function () {});
      """
    When the visitor opens the "embed-twice" page
    Then the widget becomes ready
    And the api.chat.onReady callback fired once
    And the page has exactly one chatbox
    And the loader was requested once
    And the page raised no errors

  Scenario: a stub that queues Arrays, with an empty entry, works the same
    Given the embed code configures:
      """
      olark.configure('box.start_expanded', true);
      """
    And the embed code ends with:
      """
      olark('api.chat.onReady', function () {});
      """
    When the visitor opens the "embed-array-stub" page
    Then the api.chat.onReady callback fired once
    And the chatbox is expanded
    And the page has exactly one chatbox
