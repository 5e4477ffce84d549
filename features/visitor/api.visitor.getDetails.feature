@visitor
Feature: api.visitor.getDetails
  The documentation: "Gets the email address, full name, geolocation, and other details
  for this visitor. The value will be returned to the specified returnCallback." The name,
  email and phone are "the last-known visitor information, either from your pre-chat
  survey, a completed offline message form, or previously updated via the API";
  geolocation is "based on the visitor's IP".

  Decisions where the documentation is silent (the full table is in
  docs/backend-protocol.md, "Details"):
  - Every documented key is always present; `null` where there is nothing to report.
  - A visit ends after 30 minutes without activity (site clock); time spent is measured on
    the site clock from a visit's first page view.
  - recentPageHistory lists the last 10 pages oldest first; currentPage is the latest.
  - searchTextForPreviousVisits is a list of the earlier visits' search texts.
  - The callback always runs asynchronously, after getDetails has returned.

  Scenario: getDetails answers through the callback, asynchronously
    Given the visitor is on a page with the widget
    Then getDetails answers through the callback, asynchronously

  Scenario: a first visit straight to one page
    Given the visitor is on a page with the widget
    Then getDetails reports:
      """
      {
        "emailAddress": null, "fullName": null, "phoneNumber": null,
        "city": null, "region": null, "country": null, "countryCode": null, "organization": null,
        "visitCount": 1, "pageCountForThisVisit": 1, "pageCountAcrossAllVisits": 1,
        "secondsSpentForThisVisit": 0, "secondsSpentAcrossAllVisits": 0,
        "currentPage": {"title": "Fixture shop — a page with the Olark embed code", "url": "{origin}embed.sub.html"},
        "recentPageHistory": [{"title": "Fixture shop — a page with the Olark embed code", "url": "{origin}embed.sub.html"}],
        "conversationCount": 0, "isConversing": false,
        "messageCountForThisVisit": 0, "messageCountAcrossAllVisits": 0,
        "secondsSinceLastMessage": null, "secondsSinceLastMessageToOperator": null,
        "secondsSinceLastMessageToVisitor": null, "secondsSinceLastNotificationToOperator": null,
        "conversationBeginPage": null, "referrer": "",
        "referredByPaidAdvertisingThisVisit": false, "referredByPaidAdvertisingEver": false,
        "referredByCampaignThisVisit": false, "referredByCampaignEver": false,
        "searchTextForThisVisit": null, "searchTextForPreviousVisits": [],
        "ip": "127.0.0.1", "customFields": {}
      }
      """

  Scenario: the browser and operating system are the ones the visitor uses
    Given the visitor is on a page with the widget
    Then getDetails reports the browser and operating system running the suite

  @clock
  Scenario: pages and time within one visit
    Given the visitor is on a page with the widget
    And 90 seconds pass
    When the visitor opens the "click-to-chat" page
    Then the widget becomes ready
    When 30 seconds pass
    Then getDetails reports:
      """
      {
        "visitCount": 1, "pageCountForThisVisit": 2, "pageCountAcrossAllVisits": 2,
        "secondsSpentForThisVisit": 120, "secondsSpentAcrossAllVisits": 120,
        "currentPage": {"title": "Fixture shop — click-to-chat links", "url": "{origin}click-to-chat.sub.html"},
        "recentPageHistory": [
          {"title": "Fixture shop — a page with the Olark embed code", "url": "{origin}embed.sub.html"},
          {"title": "Fixture shop — click-to-chat links", "url": "{origin}click-to-chat.sub.html"}
        ]
      }
      """

  Scenario: recentPageHistory keeps the last 10 pages
    Given the visitor opens the "click-to-chat" page
    And the widget is ready
    When the visitor opens the page 11 times
    Then getDetails reports:
      """
      {
        "pageCountForThisVisit": 12,
        "recentPageHistory": [
          {"url": "{origin}embed.sub.html"}, {"url": "{origin}embed.sub.html"},
          {"url": "{origin}embed.sub.html"}, {"url": "{origin}embed.sub.html"},
          {"url": "{origin}embed.sub.html"}, {"url": "{origin}embed.sub.html"},
          {"url": "{origin}embed.sub.html"}, {"url": "{origin}embed.sub.html"},
          {"url": "{origin}embed.sub.html"}, {"url": "{origin}embed.sub.html"}
        ]
      }
      """

  @operator @clock
  Scenario: a conversation's counts and times
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And 10 seconds pass
    When the visitor sends "Hi, a question"
    Then operator "Alice" received "Hi, a question"
    When 20 seconds pass
    And operator "Alice" says "Hello!"
    Then the chat shows the operator message "Hello!" from "Alice"
    When the page runs:
      """
      olark('api.chat.sendNotificationToOperator', { body: 'visitor is on the pricing page' });
      """
    Then operator "Alice" received the notification "visitor is on the pricing page" marked [info]
    When 5 seconds pass
    Then getDetails reports:
      """
      {
        "isConversing": true, "conversationCount": 1,
        "messageCountForThisVisit": 2, "messageCountAcrossAllVisits": 2,
        "secondsSinceLastMessage": 5, "secondsSinceLastMessageToOperator": 25,
        "secondsSinceLastMessageToVisitor": 5, "secondsSinceLastNotificationToOperator": 5,
        "conversationBeginPage": "{origin}embed.sub.html"
      }
      """

  Scenario: a visitor from a Google search
    Given the visitor arrives from "https://www.google.com/search?q=buying+widgets"
    And the visitor is on a page with the widget
    Then getDetails reports:
      """
      {
        "referrer": "https://www.google.com/search?q=buying+widgets",
        "searchTextForThisVisit": "buying widgets",
        "referredByPaidAdvertisingThisVisit": false
      }
      """

  Scenario: a visitor from a paid advertisement
    Given the visitor opens the page with the query "gclid=EAIaIQobChMI"
    And the widget is ready
    Then getDetails reports:
      """
      {"referredByPaidAdvertisingThisVisit": true, "referredByPaidAdvertisingEver": true, "referredByCampaignThisVisit": false}
      """

  Scenario: a visitor from an email campaign
    Given the visitor opens the page with the query "utm_source=newsletter&utm_medium=email&utm_campaign=spring"
    And the widget is ready
    Then getDetails reports:
      """
      {"referredByCampaignThisVisit": true, "referredByCampaignEver": true, "referredByPaidAdvertisingThisVisit": false}
      """

  @clock
  Scenario: a second visit after 30 idle minutes
    Given the visitor arrives from "https://www.bing.com/search?q=olark+chat"
    And the visitor opens the page with the query "utm_medium=cpc"
    And the widget is ready
    And 60 seconds pass
    And the visitor opens the "click-to-chat" page
    And the widget is ready
    When 31 minutes pass
    And the visitor opens the page
    Then the widget becomes ready
    When 10 seconds pass
    Then getDetails reports:
      """
      {
        "visitCount": 2, "pageCountForThisVisit": 1, "pageCountAcrossAllVisits": 3,
        "secondsSpentForThisVisit": 10, "secondsSpentAcrossAllVisits": 70,
        "referrer": "", "searchTextForThisVisit": null, "searchTextForPreviousVisits": ["olark chat"],
        "referredByPaidAdvertisingThisVisit": false, "referredByPaidAdvertisingEver": true
      }
      """

  Scenario: geolocation from the visitor's IP
    Given the visitor's IP is located in "San José, Costa Rica"
    And the visitor is on a page with the widget
    Then getDetails reports:
      """
      {
        "ip": "201.192.0.10", "city": "San José", "region": "San José Province",
        "country": "Costa Rica", "countryCode": "CR", "organization": "Radiográfica Costarricense"
      }
      """

  @operator
  Scenario: the documentation's "target customers in Costa Rica" example
    Given an operator "Alice" is available
    And the visitor's IP is located in "San José, Costa Rica"
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.getDetails', function(details){
          if (details.city == "San José" && details.region != "California") {
              olark('api.chat.sendNotificationToOperator', {
                  body: "this customer might be in San Jose, Costa Rica"
              })
          }
      });
      """
    Then operator "Alice" received the notification "this customer might be in San Jose, Costa Rica" marked [info]

  @operator
  Scenario: the same example ignores San Jose, California
    Given an operator "Alice" is available
    And the visitor's IP is located in "San Jose, United States"
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.getDetails', function(details){
          if (details.city == "San José" && details.region != "California") {
              olark('api.chat.sendNotificationToOperator', {
                  body: "this customer might be in San Jose, Costa Rica"
              })
          }
      });
      """
    Then operator "Alice" did not receive "this customer might be in San Jose, Costa Rica"

  @operator
  Scenario: the documentation's "target customers in Japan" example
    Given an operator "Alice" is available
    And the visitor's IP is located in "Tokyo, Japan"
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.getDetails', function(details){
          if (details.country == "Japan" || details.countryCode == "JP") {
              olark('api.chat.sendNotificationToOperator', {
                  body: "this customer might be in Japan"
              });
          }
      });
      """
    Then operator "Alice" received the notification "this customer might be in Japan" marked [info]

  @operator
  Scenario: the documentation's "notify operators about a certain visitor" example
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateEmailAddress', { emailAddress: 'joe@olark.com' });
      olark('api.visitor.getDetails', function(details){
          if (details.emailAddress == "joe@olark.com") {
              olark('api.chat.sendNotificationToOperator', {
                  body: "Olark Joe in the house!"
              });
          }
      });
      """
    Then operator "Alice" received the notification "Olark Joe in the house!" marked [info]

  @operator
  Scenario: the name and email left in the offline form are the last-known ones
    Given an operator "Alice" is away
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor leaves the offline message "Call me" as "Ada Lovelace" with email "ada@example.com"
    Then the backend stored the offline message "Call me" from "Ada Lovelace" with email "ada@example.com"
    And getDetails reports:
      """
      {"fullName": "Ada Lovelace", "emailAddress": "ada@example.com"}
      """

  Scenario: a call without a callback is reported and does not break the widget
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.getDetails');
      olark('api.visitor.getDetails', 'not a function');
      """
    Then the console shows a warning containing "api.visitor.getDetails"
    And getDetails answers through the callback, asynchronously
    And the page raised no errors
