@configure @operator
Feature: system.chat_does_not_follow_external_links
  The documentation ("Prevent non-local URL wrapping"): "If you have a link in your chatbox
  that goes to a non-local URL [...] Olark will by default wrap the new page. This means
  that the chatbox will still appear on the new page [...] You can choose to disable this
  wrapping behavior by setting this API call to true. [...] visitors who click the link to
  the non-local URL will leave your website". And: "you can prepend any link you type into
  the chatbox with a + symbol (eg. +imgur.com), which will force the link to open in a new
  tab/window."

  Decisions where the documentation is silent: modern sites forbid being framed, so the
  default keeps the chat with the visitor by opening links to other domains in a new
  window; with the key set they open in the same window (the visitor leaves). Links to the
  site's own host always open in the same window; `+` links always in a new one.

  Background:
    Given an operator "Alice" is available

  Scenario: by default a link to another domain opens in a new window
    Given the visitor is on a page with the widget
    When operator "Alice" says "Our docs are at https://example.com/docs"
    Then the operator message's link to "https://example.com/docs" opens in a new window

  Scenario: with the key set, it opens in the same window
    Given the embed code configures:
      """
      olark.configure('system.chat_does_not_follow_external_links', true);
      """
    And the visitor is on a page with the widget
    When operator "Alice" says "Our docs are at https://example.com/docs"
    Then the operator message's link to "https://example.com/docs" opens in the same window

  Scenario: a + link always opens in a new window
    Given the embed code configures:
      """
      olark.configure('system.chat_does_not_follow_external_links', true);
      """
    And the visitor is on a page with the widget
    When operator "Alice" says "Click here to upload an image: +imgur.com"
    Then the operator message's link to "https://imgur.com" opens in a new window
