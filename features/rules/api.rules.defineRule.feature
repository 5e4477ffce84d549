@rules @clock
Feature: api.rules.defineRule
  The documentation: "Create Targeted Chat rules that help you automate decisions about how
  and when to interact with visitors and operators." `options.id` is a "unique identifier
  for this rule", `options.description` a "human-readable description", `options.condition`
  a "function that evaluates a condition and calls pass when true", `options.action` a
  "function that performs the action". "The condition will be checked whenever there is a
  relevant change in the chat. Call the pass() function whenever the criteria is met." "The
  action will be executed whenever the condition passes. Limit the number of times this
  action will trigger using the perPage, perVisit, and perVisitor options": "only supposed
  to trigger once per page", "once per visit", "once per visitor".

  Decisions where the documentation is silent:
  - Relevant changes are: the page load, the rule's definition, a message either way
    (typed by the visitor, from an operator, or sent with api.chat.sendMessageToVisitor), a
    visitor detail update (api.visitor.update*, the pre-chat survey,
    api.chat.updateVisitorNickname/Status), a change of operator availability, and time
    passing: conditions are checked again at least every 5 seconds, so a condition on
    secondsSinceLastMessage or secondsSpentForThisVisit is noticed within 5 seconds. Every
    scenario here runs on the virtual clock, so time only passes when a step says so.
  - The page load is one check of every rule, including the rules the embed code defines
    before the loader has run. A rule defined later is checked right away.
  - Rules are checked in the order they were first defined, after the change's own
    callbacks (api.chat.onOperatorsAvailable, …) have fired.
  - pass() may be called at once or later (from a getDetails callback, a timer). One check
    runs the action at most once, however often its pass() is called.
  - Changes made by a rule's action do not check the rules again, so an action that sends
    a message cannot trigger itself in a loop.
  - Without perPage, perVisit or perVisitor, the action runs at every check that passes.
  - perPage: at most once per page load. perVisit: at most once per visit; the next page
    of the visit does not run it again, the next visit (a page view after 30 idle
    minutes, as api.visitor.getDetails' visitCount counts them) does. perVisitor: at most
    once for this visitor, in any later visit too; a new visitor (another browser, cleared
    cookies and storage) is a new visitor. The lowercase spellings perpage, pervisit and
    pervisitor mean the same. Given several, each applies, so the strictest one decides.
  - Limits belong to the rule's id: the embed code defines its rules again on every page,
    and redefining an id does not reset what the rule has already done.
  - Defining an id again replaces the rule: the old condition is no longer checked and a
    pass() from one of its checks no longer runs anything.
  - A definition that is not an object, or has no id, condition function or action
    function, is rejected with a console warning naming api.rules.defineRule.
  - A condition or action that throws is reported on the console naming the rule's id; the
    other rules are still checked and run.

  @operator
  Rule: the documentation's "after 5 pageviews" example works as written

    Background:
      Given an operator "Alice" is available
      And the embed code ends with:
        """
        olark('api.rules.defineRule', {

            // Specify a unique ID for this rule.
            // This helps the API to keep your rules separate from each other.
            id: '1',

            // The description summarizes what this rule does
            description: "offer help to a visitor after he has browsed 5 pages and hasn't chatted yet",

            // The condition will be checked whenever there is a relevant change in the chat.
            // Call the pass() function whenever the criteria is met
            condition: function(pass) {

                // Use the Visitor API to get information the page count
                olark('api.visitor.getDetails', function(details){

                    if (details.pageCountForThisVisit >= 5 && !details.isConversing) {

                        // The visitor has seen more than 5 pages, and the visitor hasn't started chatting yet
                        pass();
                    }

                });

            },

            // The action will be executed whenever the condition passes.
            // Limit the number of times this action will trigger using the perPage, perVisit, and perVisitor options.
            action: function() {
                olark('api.chat.sendMessageToVisitor', {
                    body: "hi, have any questions about our products?"
                });
            },

            // Restrict this action to execute only once per visit
            perVisit: true

        });
        """

    Scenario: the documentation's "after 5 pageviews" example offers help on the fifth page
      When the visitor opens the page 4 times
      Then getDetails reports:
        """
        {"pageCountForThisVisit": 4}
        """
      And the chat shows 0 operator messages
      When the visitor opens the page
      Then the widget becomes ready
      And the chat shows the operator message "hi, have any questions about our products?" from "Alice"

    Scenario: the documentation's "after 5 pageviews" example offers help only once in the visit
      When the visitor opens the page 5 times
      Then the chat shows the operator message "hi, have any questions about our products?" from "Alice"
      When the visitor opens the page 2 times
      Then getDetails reports:
        """
        {"pageCountForThisVisit": 7}
        """
      And the chat shows 1 operator message

  Rule: the documentation's "specific pages" example works as written

    Background:
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {

            // Specify a unique ID for this rule.
            // This helps the API to keep your rules separate from each other.
            id: '2',

            // The description summarizes what this rule does
            description: "hide the chatbox when the visitor is not chatting and is viewing an unimportant page",

            // The condition will be checked whenever there is a relevant change in the chat.
            // Call the pass() function whenever the criteria is met
            condition: function(pass) {

                // Check if the visitor is already in conversation
                // ...and whether they're on a specific page
                olark('api.visitor.getDetails', function(details){

                    // Determine whether this page is important
                    // The URL can be whatever you like
                    var isImportantPage = (details.currentPage.url.indexOf('/important-page') >= 0);

                    if (!details.isConversing && !isImportantPage) {

                        // Visitor is not chatting yet
                        // and they are viewing an unimportant page
                        pass();

                    }

                });

            },

            // The action will be executed whenever the condition passes.
            // Limit the number of times this action will trigger using the perPage, perVisit, and perVisitor options.
            action: function() {

                // Hide the chatbox
                olark('api.box.hide');

            },

            // Restrict this action to execute only once per page
            perPage: true

        });
        """

    Scenario: the documentation's "specific pages" example hides the chatbox on an unimportant page
      When the visitor opens the page
      Then the widget becomes ready
      And the chatbox is hidden

    Scenario: the documentation's "specific pages" example keeps the chatbox on the important page
      When the visitor opens the "important-page" page
      Then the widget becomes ready
      And getDetails reports:
        """
        {"currentPage": {"url": "{origin}important-page.sub.html"}}
        """
      And the chatbox is shown

    @operator
    Scenario: the documentation's "specific pages" example keeps the chatbox for a visitor who is chatting
      Given an operator "Alice" is available
      And the visitor opens the "important-page" page
      And the widget is ready
      And the visitor clicks the launcher
      And the chatbox is expanded
      And the visitor sends "Which plan suits me?"
      And operator "Alice" received "Which plan suits me?"
      When the visitor opens the page
      Then the widget becomes ready
      And getDetails reports:
        """
        {"isConversing": true}
        """
      And the chatbox is shown

    Scenario: the documentation's "specific pages" example hides the chatbox once per page, so the site may show it again
      Given the visitor opens the page
      And the widget is ready
      And the chatbox is hidden
      When the page runs:
        """
        olark('api.box.show');
        olark('api.visitor.updateFullName', { fullName: 'Ada Lovelace' });
        """
      Then getDetails reports:
        """
        {"fullName": "Ada Lovelace"}
        """
      And the chatbox is shown

  @operator
  Rule: the documentation's backup group example works as written

    Background:
      Given an operator "Alice" is available
      And an operator "Bob" of group "YOURBACKUPGROUPID" is available
      And the embed code ends with:
        """
        // Creates a new Targeted Chat rule
        olark('api.rules.defineRule', {

            id: '44',
            description: "notify backup team if customers aren't responded to within 60 seconds ",
            condition: function(pass) {

                // Retrieve info about the chat
                olark('api.visitor.getDetails', function(details) {

                    // Trigger this action if message hasn't been responded to within 60 seconds (NOTE: This will trigger if an operator initiates a message)

                    if ((details.messageCountForThisVisit < 2) && (details.secondsSinceLastMessage > 60) && (details.isConversing)) {
                        pass();
                    }

                });
            },
            action: function() {

                // Change the group to the backup group using their Group ID
                olark('api.chat.setOperatorGroup', {
                    group: 'YOURBACKUPGROUPID'
                });

                // Send a notification to the backup group operators
                olark('api.chat.sendNotificationToOperator',
                {
                    body: "Visitor has been waiting more than 60 seconds"
                });

            },

            // Trigger the rule page change if customer still hasn't received response
            perPage: true

        });
        """
      And the visitor is on a page with the widget
      And the visitor clicks the launcher
      And the chatbox is expanded
      And the visitor sends "Is anyone there?"
      And operator "Alice" received "Is anyone there?"

    Scenario: the documentation's backup group example waits 60 seconds for an answer
      When 55 seconds pass
      Then getDetails reports:
        """
        {"secondsSinceLastMessage": 55, "isConversing": true}
        """
      And operator "Bob" received no notification containing "waiting more than 60 seconds"
      When 10 seconds pass
      Then operator "Bob" received the notification "Visitor has been waiting more than 60 seconds" marked [info]
      And the visitor's messages reach the group "YOURBACKUPGROUPID"

    Scenario: the documentation's backup group example stays quiet once an operator answered
      Given operator "Alice" says "Yes, how can I help?"
      And the chat shows the operator message "Yes, how can I help?" from "Alice"
      When 65 seconds pass
      Then getDetails reports:
        """
        {"messageCountForThisVisit": 2, "secondsSinceLastMessage": 65}
        """
      And operator "Bob" received no notification containing "waiting more than 60 seconds"
      And operator "Alice" received no notification containing "waiting more than 60 seconds"

  Rule: conditions are checked again on every relevant change

    @operator
    Scenario: the documentation's "browsing for more than 30 seconds" idea starts a conversation on time
      Given an operator "Alice" is available
      And the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'browsing-30-seconds',
          description: 'initiate chat with a visitor who has been browsing for more than 30 seconds',
          condition: function (pass) {
            olark('api.visitor.getDetails', function (details) {
              if (details.secondsSpentForThisVisit > 30 && !details.isConversing) pass();
            });
          },
          action: function () {
            olark('api.chat.sendMessageToVisitor', { body: 'Anything I can help you find?' });
          },
          perVisit: true
        });
        """
      And the visitor is on a page with the widget
      When 30 seconds pass
      Then getDetails reports:
        """
        {"secondsSpentForThisVisit": 30}
        """
      And the chat shows 0 operator messages
      When 5 seconds pass
      Then the chat shows the operator message "Anything I can help you find?" from "Alice"

    @operator
    Scenario: a message from the visitor checks the rules
      Given an operator "Alice" is available
      And the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'first-question',
          description: 'notices the first message of the visit',
          condition: function (pass) {
            olark('api.visitor.getDetails', function (details) {
              if (details.messageCountForThisVisit >= 1) pass();
            });
          },
          action: function () { yourAnalytics.track('conversation noticed'); },
          perPage: true
        });
        """
      And the visitor is on a page with the widget
      And the visitor clicks the launcher
      And the chatbox is expanded
      When the visitor sends "Do you ship abroad?"
      Then the page tracked "conversation noticed" once

    @operator
    Scenario: a message from an operator checks the rules
      Given an operator "Alice" is available
      And the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'operator-spoke',
          description: 'notices the first message of the visit',
          condition: function (pass) {
            olark('api.visitor.getDetails', function (details) {
              if (details.messageCountForThisVisit >= 1) pass();
            });
          },
          action: function () { yourAnalytics.track('conversation noticed'); },
          perPage: true
        });
        """
      And the visitor is on a page with the widget
      When operator "Alice" says "Hello from the team!"
      Then the page tracked "conversation noticed" once

    Scenario: a visitor detail update checks the rules
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'known-customer',
          description: 'notices a customer by their email address',
          condition: function (pass) {
            olark('api.visitor.getDetails', function (details) {
              if (details.emailAddress === 'ada@example.com') pass();
            });
          },
          action: function () { yourAnalytics.track('customer noticed'); },
          perPage: true
        });
        """
      And the visitor is on a page with the widget
      When the page runs:
        """
        olark('api.visitor.updateEmailAddress', { emailAddress: 'ada@example.com' });
        """
      Then the page tracked "customer noticed" once

    @operator
    Scenario: an operator coming online checks the rules
      Given an operator "Alice" is away
      And the embed code ends with:
        """
        var operatorsOnline = false;
        olark('api.chat.onOperatorsAvailable', function () { operatorsOnline = true; });
        olark('api.rules.defineRule', {
          id: 'operators-online',
          description: 'expands the chatbox once an operator is there to answer',
          condition: function (pass) {
            if (operatorsOnline) pass();
          },
          action: function () { olark('api.box.expand'); },
          perPage: true
        });
        """
      And the visitor is on a page with the widget
      And the chatbox is shrunk
      When operator "Alice" comes online
      Then the chatbox is expanded

    @operator
    Scenario: an action that sends a message does not trigger itself again
      Given an operator "Alice" is available
      And the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'chatty',
          description: 'greets at every check (no limit)',
          condition: function (pass) { pass(); },
          action: function () {
            olark('api.chat.sendMessageToVisitor', { body: 'Hello there!' });
          }
        });
        """
      When the visitor opens the page
      Then the widget becomes ready
      And the chat shows 1 operator message

  Rule: perPage, perVisit and perVisitor limit how often the action runs

    Background:
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'check-counter',
          description: 'counts the checks; never passes',
          condition: function (pass) { yourAnalytics.track('rules checked'); },
          action: function () {}
        });
        """

    Scenario: perPage runs the action once per page load, however often the condition passes
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'once-per-page',
          description: 'passes at every check',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('rule ran'); },
          perPage: true
        });
        """
      And the visitor is on a page with the widget
      Then the page tracked "rule ran" once
      When the page runs:
        """
        olark('api.visitor.updateFullName', { fullName: 'Ada Lovelace' });
        """
      Then the page tracked "rules checked" at least twice
      And the page tracked "rule ran" once
      When the visitor reloads the page
      Then the page tracked "rule ran" once

    Scenario: perVisit runs the action once per visit, not again on the next page
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'once-per-visit',
          description: 'passes at every check',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('rule ran'); },
          perVisit: true
        });
        """
      And the visitor is on a page with the widget
      Then the page tracked "rule ran" once
      When the visitor opens the "important-page" page
      Then the widget becomes ready
      And the page tracked "rules checked" at least once
      And the page tracked "rule ran" 0 times
      When 29 minutes pass
      And the visitor reloads the page
      Then getDetails reports:
        """
        {"visitCount": 1}
        """
      And the page tracked "rule ran" 0 times

    Scenario: perVisit runs the action again in the next visit
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'once-per-visit',
          description: 'passes at every check',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('rule ran'); },
          perVisit: true
        });
        """
      And the visitor is on a page with the widget
      Then the page tracked "rule ran" once
      When 31 minutes pass
      Then the page tracked "rules checked" at least twice
      And the page tracked "rule ran" once
      When the visitor reloads the page
      Then getDetails reports:
        """
        {"visitCount": 2}
        """
      And the page tracked "rule ran" once

    Scenario: perVisitor runs the action once for the visitor, not again in a later visit
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'once-per-visitor',
          description: 'passes at every check',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('rule ran'); },
          perVisitor: true
        });
        """
      And the visitor is on a page with the widget
      Then the page tracked "rule ran" once
      When 31 minutes pass
      And the visitor reloads the page
      Then getDetails reports:
        """
        {"visitCount": 2}
        """
      And the page tracked "rules checked" at least once
      And the page tracked "rule ran" 0 times

    Scenario: perVisitor runs the action again for a new visitor
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'once-per-visitor',
          description: 'passes at every check',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('rule ran'); },
          perVisitor: true
        });
        """
      And the visitor is on a page with the widget
      Then the page tracked "rule ran" once
      When the visitor comes back as a new visitor
      Then the page tracked "rule ran" once

    Scenario: without a limit the action runs at every check that passes
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'unlimited',
          description: 'passes at every check',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('rule ran'); }
        });
        """
      And the visitor is on a page with the widget
      Then the page tracked "rule ran" once
      When the page runs:
        """
        olark('api.visitor.updateFullName', { fullName: 'Ada Lovelace' });
        """
      Then the page tracked "rule ran" at least twice

    Scenario Outline: <limit> limits the action across reloads and visits
      Given the embed code ends with:
        """
        var options = {
          id: 'limited',
          description: 'passes at every check',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('rule ran'); }
        };
        options['<limit>'] = true;
        olark('api.rules.defineRule', options);
        """
      And the visitor is on a page with the widget
      Then the page tracked "rule ran" once
      When the page runs:
        """
        olark('api.visitor.updateFullName', { fullName: 'Ada Lovelace' });
        """
      Then the page tracked "rules checked" at least twice
      And the page tracked "rule ran" once
      When the visitor reloads the page
      Then the page tracked "rules checked" at least once
      And the page tracked "rule ran" <after a reload>
      When 31 minutes pass
      And the visitor reloads the page
      Then the page tracked "rules checked" at least once
      And the page tracked "rule ran" <in the next visit>

      Examples:
        | limit      | after a reload | in the next visit |
        | perPage    | once           | once              |
        | perVisit   | 0 times        | once              |
        | perVisitor | 0 times        | 0 times           |
        | perpage    | once           | once              |
        | pervisit   | 0 times        | once              |
        | pervisitor | 0 times        | 0 times           |

    Scenario: with several limits the strictest decides
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'page-and-visitor',
          description: 'passes at every check',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('rule ran'); },
          perPage: true,
          perVisitor: true
        });
        """
      And the visitor is on a page with the widget
      Then the page tracked "rule ran" once
      When the visitor reloads the page
      Then the page tracked "rules checked" at least once
      And the page tracked "rule ran" 0 times

  Rule: definitions are kept by id, checked in turn and isolated from each other

    Scenario: a rule defined after the page has loaded is checked right away
      Given the visitor is on a page with the widget
      When the page runs:
        """
        olark('api.rules.defineRule', {
          id: 'late',
          description: 'defined by a click handler, say',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('late rule ran'); },
          perPage: true
        });
        """
      Then the page tracked "late rule ran" once

    Scenario: defining an id again replaces the rule
      Given the embed code ends with:
        """
        var redefined = false;
        olark('api.rules.defineRule', {
          id: 'offer',
          description: 'first version',
          condition: function (pass) {
            if (redefined) yourAnalytics.track('first condition checked after the redefinition');
          },
          action: function () { yourAnalytics.track('first action ran'); }
        });
        """
      And the visitor is on a page with the widget
      When the page runs:
        """
        redefined = true;
        olark('api.rules.defineRule', {
          id: 'offer',
          description: 'second version',
          condition: function (pass) { yourAnalytics.track('second condition checked'); pass(); },
          action: function () { yourAnalytics.track('second action ran'); }
        });
        """
      Then the page tracked "second action ran" at least once
      And the page tracked "first condition checked after the redefinition" 0 times
      And the page tracked "first action ran" 0 times

    Scenario: a pass from a replaced rule's check no longer runs its action
      Given the embed code ends with:
        """
        var passLater = null;
        olark('api.rules.defineRule', {
          id: 'offer',
          description: 'first version, passes when the page says so',
          condition: function (pass) { passLater = pass; },
          action: function () { yourAnalytics.track('first action ran'); }
        });
        """
      And the visitor is on a page with the widget
      When the page runs:
        """
        olark('api.rules.defineRule', {
          id: 'offer',
          description: 'second version',
          condition: function (pass) { yourAnalytics.track('second condition checked'); },
          action: function () { yourAnalytics.track('second action ran'); }
        });
        """
      Then the page tracked "second condition checked" at least once
      When the page runs:
        """
        passLater();
        """
      Then the page tracked "first action ran" 0 times
      And the page tracked "second action ran" 0 times

    Scenario: pass can be called later, from a timer
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'patient',
          description: 'passes ten seconds after a check',
          condition: function (pass) { setTimeout(pass, 10000); },
          action: function () { yourAnalytics.track('rule ran'); },
          perPage: true
        });
        """
      And the visitor is on a page with the widget
      When 9 seconds pass
      Then the page tracked "rule ran" 0 times
      When 1 second passes
      Then the page tracked "rule ran" once

    Scenario: calling pass several times in one check runs the action once
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'eager',
          description: 'calls pass three times (no limit)',
          condition: function (pass) { pass(); pass(); pass(); },
          action: function () { yourAnalytics.track('rule ran'); }
        });
        """
      When the visitor opens the page
      Then the widget becomes ready
      And the page tracked "rule ran" once

    Scenario: the rules are checked in the order they were defined
      Given the embed code ends with:
        """
        ['first', 'second', 'third'].forEach(function (id) {
          olark('api.rules.defineRule', {
            id: id,
            description: 'runs in turn',
            condition: function (pass) { pass(); },
            action: function () { yourAnalytics.track(id + ' rule ran'); },
            perPage: true
          });
        });
        olark('api.rules.defineRule', {
          id: 'first',
          description: 'redefined: keeps its place',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('first rule ran'); },
          perPage: true
        });
        """
      When the visitor opens the page
      Then the widget becomes ready
      And the page tracked "third rule ran" once
      And the page tracked these names in this order:
        """
        first rule ran
        second rule ran
        third rule ran
        """

    Scenario: a condition that throws does not stop the other rules
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'broken-condition',
          description: 'throws',
          condition: function (pass) { throw new Error('boom'); },
          action: function () { yourAnalytics.track('broken rule ran'); }
        });
        olark('api.rules.defineRule', {
          id: 'working',
          description: 'passes',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('working rule ran'); },
          perPage: true
        });
        """
      When the visitor opens the page
      Then the widget becomes ready
      And the page tracked "working rule ran" once
      And the page tracked "broken rule ran" 0 times
      And the console shows a warning containing "broken-condition"

    Scenario: an action that throws does not stop the other rules
      Given the embed code ends with:
        """
        olark('api.rules.defineRule', {
          id: 'broken-action',
          description: 'passes, then its action throws',
          condition: function (pass) { pass(); },
          action: function () { throw new Error('boom'); },
          perPage: true
        });
        olark('api.rules.defineRule', {
          id: 'working',
          description: 'passes',
          condition: function (pass) { pass(); },
          action: function () { yourAnalytics.track('working rule ran'); },
          perPage: true
        });
        """
      When the visitor opens the page
      Then the widget becomes ready
      And the page tracked "working rule ran" once
      And the console shows a warning containing "broken-action"

    Scenario Outline: a definition without <what> is rejected with a warning
      Given the visitor is on a page with the widget
      When the page runs:
        """
        olark('api.rules.defineRule', <definition>);
        """
      Then the console shows a warning containing "api.rules.defineRule"
      And the page tracked "rule ran" 0 times
      And the page raised no errors

      Examples:
        | what                | definition                                                                                                     |
        | a condition         | { id: 'x', description: 'no condition', action: function () { yourAnalytics.track('rule ran'); } }             |
        | an action           | { id: 'x', description: 'no action', condition: function (pass) { pass(); } }                                  |
        | an id               | { description: 'no id', condition: function (pass) { pass(); }, action: function () { yourAnalytics.track('rule ran'); } } |
        | a condition function | { id: 'x', condition: 'pass', action: function () { yourAnalytics.track('rule ran'); } }                      |
        | an options object   | 'offer help after 5 pages'                                                                                     |
