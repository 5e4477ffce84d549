@box
Feature: api.box.setLocale
  The documentation: "You can dynamically change the chatbox language after the page has
  loaded. By using this call the default localization strings provided by Olark will be
  used [...]". Example: `olark('api.box.setLocale', 'en-US')`. The supported languages are
  the eleven of system.localization: en-US, de-DE, es-ES, fr-FR, it-IT, nl-NL, pt-BR,
  ru-RU, sv-SE, tr-TR, zh-CN.

  This file covers the switch itself; the string tables and the precedence of
  locale.* over setLocale are covered with system.localization.

  Decisions where the documentation is silent:
  - The chatbox declares its language for assistive technology: the nearest `lang`
    attribute of the chatbox element is the current locale.
  - An unsupported or non-string locale keeps the current language and warns on the console.

  Scenario: the default language is en-US
    Given the visitor is on a page with the widget
    Then the chatbox language is "en-US"

  Scenario Outline: setLocale switches the chatbox to <locale>
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.setLocale', '<locale>');
      """
    Then the chatbox language is "<locale>"

    Examples:
      | locale |
      | de-DE  |
      | fr-FR  |
      | zh-CN  |

  Scenario: switching back to en-US after another language
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.box.setLocale', 'ru-RU');
      olark('api.box.setLocale', 'en-US');
      """
    Then the chatbox language is "en-US"

  Scenario: an unsupported locale keeps the current language and warns
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.setLocale', 'de-DE');
      """
    When the page runs:
      """
      olark('api.box.setLocale', 'xx-XX');
      """
    Then the console shows a warning containing "xx-XX"
    And the chatbox language is "de-DE"

  Scenario: a locale queued in the embed code applies when the widget loads
    Given the embed code ends with:
      """
      olark('api.box.setLocale', 'es-ES');
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox language is "es-ES"
