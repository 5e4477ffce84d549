@visitor
Feature: api.chat.updateVisitorNickname
  The documentation: "Add information to the visitor's nickname in the operator's buddy
  list. You can only set a 'snippet' of the nickname, since other extensions may be trying
  to update the nickname at the same time." Arguments: `options.snippet`, and
  `options.hidesDefault` "(optional) set this to true if you want to hide the default
  nickname that Olark sets".

  Decisions where the documentation is silent: the latest snippet replaces an earlier one
  and is kept for the visitor across page loads; a missing or non-string snippet is
  reported on the console and changes nothing.

  Scenario: the operator sees the snippet next to the default nickname
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.updateVisitorNickname', { snippet: "is visible" });
      """
    Then the operator sees the nickname snippet "is visible"

  Scenario: hidesDefault shows only the snippet
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.updateVisitorNickname', { snippet: 'VIP customer', hidesDefault: true });
      """
    Then the operator sees the nickname snippet "VIP customer" instead of the default nickname

  Scenario: the documentation's "update visitor status when chat box visible" example
    Given the embed code configures:
      """
      olark.configure('box.start_hidden', true);
      """
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.box.onShow', function() {
          olark('api.chat.updateVisitorNickname', {
              snippet: "is visible"
          });
      });
      """
    When the page runs:
      """
      olark('api.box.show');
      """
    Then the operator sees the nickname snippet "is visible"

  Scenario: the documentation's "highlight AdWords referrals" example
    Given the visitor opens the page with the query "gclid=EAIaIQobChMI"
    And the widget is ready
    When the page runs:
      """
      olark('api.visitor.getDetails', function(details){
          if (details.referredByPaidAdvertisingThisVisit) {
              olark('api.chat.updateVisitorNickname',{
                  snippet: "AdWords Referral"
              })
          } else if (details.searchTextForThisVisit == "buying widgets") {
              olark('api.chat.updateVisitorNickname', {
                  snippet: "wants to buy a widget"
              })
          }
      });
      """
    Then the operator sees the nickname snippet "AdWords Referral"

  Scenario: the same example marks a visitor who searched for "buying widgets"
    Given the visitor arrives from "https://www.google.com/search?q=buying+widgets"
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.getDetails', function(details){
          if (details.referredByPaidAdvertisingThisVisit) {
              olark('api.chat.updateVisitorNickname',{
                  snippet: "AdWords Referral"
              })
          } else if (details.searchTextForThisVisit == "buying widgets") {
              olark('api.chat.updateVisitorNickname', {
                  snippet: "wants to buy a widget"
              })
          }
      });
      """
    Then the operator sees the nickname snippet "wants to buy a widget"

  Scenario: the snippet is kept across a reload
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.updateVisitorNickname', { snippet: "returning customer" });
      """
    And the operator sees the nickname snippet "returning customer"
    When the visitor reloads the page
    Then the operator sees the nickname snippet "returning customer"

  Scenario: a missing snippet is reported and ignored
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.updateVisitorNickname', { hidesDefault: true });
      """
    Then the console shows a warning containing "api.chat.updateVisitorNickname"
    And the page raised no errors
