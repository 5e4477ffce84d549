@configure @localization
Feature: system.localization
  The documentation: "You can change the language of the chatbox per page by using the
  following configuration call. [...] We support the following languages": en-US, de-DE,
  es-ES, fr-FR, it-IT, nl-NL, pt-BR, ru-RU, sv-SE, tr-TR, zh-CN. "Note that by using the
  system.localization call our default localization strings will be used." And
  (api.box.setLocale): it "will override any text you have set in the Behavior & Text
  dashboard. This call, however, will not override any language configuration calls like
  olark.configure('locale.welcome_title', 'Foo'), the string provided by that call always
  takes highest priority."

  Decisions where the documentation is silent:
  - Precedence, highest first: a page's `locale.*` configure, then the language chosen by
    api.box.setLocale or system.localization, then the site's own text settings
    (`locale.*` in the site's settings), then the en-US strings.
  - The welcome title is the panel's title while operators are available and the
    launcher's accessible name; chat_input_text is the message input's placeholder.
  - An unknown language keeps the current one and warns.
  - The default strings are the suite's pinned translations of the documented en-US
    strings; the welcome title is checked word for word in German, Spanish and French,
    the other languages only for not being English.

  Background:
    Given an operator "Alice" is available

  Scenario: English by default, with the documented strings
    Given the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel shows the text "Chat with us"
    And the message input's placeholder is "Type a message..."
    And the send button shows the text "Send"

  Scenario Outline: <locale> shows its own strings
    Given the embed code configures:
      """
      olark.configure('system.localization', '<locale>');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox language is "<locale>"
    And the chatbox panel does not show the text "Chat with us"
    And the message input's placeholder is not "Type a message..."

    Examples:
      | locale |
      | de-DE  |
      | es-ES  |
      | fr-FR  |
      | it-IT  |
      | nl-NL  |
      | pt-BR  |
      | ru-RU  |
      | sv-SE  |
      | tr-TR  |
      | zh-CN  |

  Scenario Outline: the welcome title in <locale> is "<title>"
    Given the embed code configures:
      """
      olark.configure('system.localization', '<locale>');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel shows the text "<title>"

    Examples:
      | locale | title               |
      | de-DE  | Chatten Sie mit uns |
      | es-ES  | Chatea con nosotros |
      | fr-FR  | Discutez avec nous  |

  Scenario: a page's locale.* string wins over the language
    Given the embed code configures:
      """
      olark.configure('system.localization', 'de-DE');
      olark.configure('locale.welcome_title', 'Foo');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel shows the text "Foo"
    And the launcher's accessible name includes "Foo"

  Scenario: setLocale does not override a page's locale.* string
    Given the embed code configures:
      """
      olark.configure('locale.welcome_title', 'Foo');
      """
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.setLocale', 'fr-FR');
      olark('api.box.expand');
      """
    Then the chatbox language is "fr-FR"
    And the chatbox panel shows the text "Foo"
    And the message input's placeholder is not "Type a message..."

  Scenario: the language overrides the site's own text
    Given the site's settings set "locale.welcome_title" to '"Talk to the shop"'
    And the embed code configures:
      """
      olark.configure('system.localization', 'de-DE');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel does not show the text "Talk to the shop"

  Scenario: the site's own text replaces the English default
    Given the site's settings set "locale.welcome_title" to '"Talk to the shop"'
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel shows the text "Talk to the shop"

  Scenario: setLocale after load overrides system.localization
    Given the embed code configures:
      """
      olark.configure('system.localization', 'de-DE');
      """
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.setLocale', 'en-US');
      olark('api.box.expand');
      """
    Then the chatbox panel shows the text "Chat with us"

  Scenario: the offline strings are localized too
    Given operator "Alice" goes away
    And the embed code configures:
      """
      olark.configure('locale.unavailable_title', 'Leave a note');
      olark.configure('locale.away_message', 'Nobody is here right now');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the chatbox panel shows the text "Leave a note"
    And the offline form shows the text "Nobody is here right now"

  Scenario: an unknown language keeps English and warns
    Given the embed code configures:
      """
      olark.configure('system.localization', 'xx-XX');
      """
    And the visitor is on a page with the widget
    Then the console shows a warning containing "xx-XX"
    And the chatbox language is "en-US"
