//! The widget's parts: the one list behind the `{part}` step parameter, the profile's
//! `[selectors]` keys, the page-side query layer's part names and the part tables in
//! `docs/`. Every one of those is derived from the table in [`parts!`] below, so adding
//! a part is one line here.
//!
//! Besides its phrase and key, a part knows its *container* (the part it lives in) and
//! whether it is an element or a list of *items* (messages, notifications). The query
//! layer uses both to decide when it has evidence that a part is not displayed: see
//! "What the harness can see" in `docs/profiles.md`.

use std::fmt;
use std::str::FromStr;

/// Whether a part is one element of the widget or a list of items that is empty when
/// nothing has happened yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One element (which may still be built lazily, see `[parts] lazy`).
    Element,
    /// Zero or more items inside its container; none at all is an ordinary state.
    Items,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Element => "element",
            Kind::Items => "items",
        }
    }
}

macro_rules! parts {
    ($( $variant:ident $phrase:literal $key:literal in $container:ident $kind:ident $doc:literal; )*) => {
        /// A part of the widget, as named in step text ("the launcher", "the chatbox panel").
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Part {
            $( #[doc = $doc] $variant, )*
        }

        impl Part {
            /// Every part, in the order of the documentation's tables.
            pub const ALL: &'static [Part] = &[$(Part::$variant),*];

            /// The alternatives of the `{part}` step parameter (cucumber's regex).
            pub const REGEX: &'static str = parts!(@regex $($phrase)*);

            /// The words used for this part in step text.
            pub fn phrase(self) -> &'static str {
                match self { $(Part::$variant => $phrase,)* }
            }

            /// The part's key in the profile's `[selectors]` and in the query layer.
            pub fn key(self) -> &'static str {
                match self { $(Part::$variant => $key,)* }
            }

            /// What the profile's selector for this part must point at.
            pub fn meaning(self) -> &'static str {
                match self { $(Part::$variant => $doc,)* }
            }

            /// The part this one lives in; `None` for the chatbox, the widget's root.
            pub fn container(self) -> Option<Part> {
                match self { $(Part::$variant => parts!(@container $container),)* }
            }

            pub fn kind(self) -> Kind {
                match self { $(Part::$variant => Kind::$kind,)* }
            }
        }
    };
    (@container root) => { None };
    (@container $c:ident) => { Some(Part::$c) };
    (@regex $first:literal $($rest:literal)*) => { concat!($first $(, "|", $rest)*) };
}

parts! {
    Chatbox "chatbox" "chatbox" in root Element
        "The widget's outermost element (or elements, see part lists). It must be displayed exactly when the box is shown and not displayed when it is hidden. Also used for \"the page has exactly one chatbox\", for \"was never displayed\" (watched from the first moment of the page), for \"the chat does not show\" (its text) and for the language (its nearest `lang` attribute).";
    Launcher "launcher" "launcher" in Chatbox Element
        "What a visitor clicks to open the chat. It must be displayed when the box is shrunk.";
    Panel "chatbox panel" "panel" in Chatbox Element
        "The expanded conversation panel. It must be displayed when the box is expanded and not displayed when it is shrunk.";
    Minimize "minimize button" "minimize" in Panel Element
        "The control that minimizes (shrinks) the expanded panel.";
    Messages "message list" "messages" in Panel Element
        "The list of messages: the container of the message items below.";
    Input "message input" "input" in Panel Element
        "The element the visitor types into. Pressing Enter there sends the message.";
    Send "send button" "send" in Panel Element
        "The control that sends what was typed.";
    VisitorMessage "visitor message" "visitor_message" in Messages Items
        "One message the visitor sent, in the message list (its text contains the message).";
    OperatorMessage "operator message" "operator_message" in Messages Items
        "One message from an operator; its text contains the body and the operator's nickname. Messages the page sends with `api.chat.sendMessageToVisitor` look the same.";
    Notification "notification" "notification" in Messages Items
        "One notification shown to the visitor, not attributed to an operator.";
    Unread "unread indicator" "unread" in Chatbox Element
        "The unread count shown while the chatbox is minimized; not displayed when there is nothing unread.";
    OfflineForm "offline form" "offline_form" in Panel Element
        "The form for leaving a message, displayed (when the panel is) while no operator is available.";
    OfflineName "offline name field" "offline_name" in OfflineForm Element
        "The offline form's name field.";
    OfflineEmail "offline email field" "offline_email" in OfflineForm Element
        "The offline form's email field.";
    OfflineMessage "offline message field" "offline_message" in OfflineForm Element
        "The offline form's message field.";
    OfflineSubmit "offline submit button" "offline_submit" in OfflineForm Element
        "The offline form's submit control.";
    AttentionGrabber "attention grabber" "attention_grabber" in Chatbox Element
        "The Attention Grabber's image element (an `<img>`, or an element with a background image).";
    PrechatForm "pre-chat form" "prechat_form" in Panel Element
        "The pre-chat survey.";
    PrechatName "pre-chat name field" "prechat_name" in PrechatForm Element
        "The pre-chat survey's name field.";
    PrechatEmail "pre-chat email field" "prechat_email" in PrechatForm Element
        "The pre-chat survey's email field.";
    PrechatPhone "pre-chat phone field" "prechat_phone" in PrechatForm Element
        "The pre-chat survey's phone field.";
    PrechatSubmit "pre-chat submit button" "prechat_submit" in PrechatForm Element
        "The pre-chat survey's submit control.";
    PrechatError "pre-chat error" "prechat_error" in PrechatForm Element
        "The message shown when a required pre-chat answer is missing.";
    FeedbackBegin "feedback button" "feedback_begin" in Panel Element
        "Chat ratings: the control offering them after a chat ended.";
    FeedbackForm "feedback form" "feedback_form" in Panel Element
        "The ratings survey; its ratings are radio inputs valued 1 to 5 (a rating's label may be what is clicked).";
    FeedbackNext "feedback next button" "feedback_next" in FeedbackForm Element
        "The survey's next/finish control.";
    FeedbackComment "feedback comment field" "feedback_comment" in FeedbackForm Element
        "The survey's additional feedback field.";
}

impl Part {
    /// The part whose profile key is `key`.
    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.iter().copied().find(|p| p.key() == key)
    }

    /// The `{part}` table of `docs/writing-scenarios.md` (phrase, key, kind, container).
    pub fn vocabulary_table() -> String {
        let mut out = String::from(
            "| `{part}` phrase | Profile key | Kind | Lives in |\n|---|---|---|---|\n",
        );
        for p in Part::ALL {
            let within = p
                .container()
                .map_or("(the root)".to_string(), |c| format!("`{}`", c.key()));
            out.push_str(&format!(
                "| `{}` | `{}` | {} | {within} |\n",
                p.phrase(),
                p.key(),
                p.kind().word()
            ));
        }
        out
    }

    /// The `[selectors]` table of `docs/profiles.md` (key, phrase, what it points at).
    pub fn selectors_table() -> String {
        let mut out =
            String::from("| Key | Step phrase | Lives in | Must point at |\n|---|---|---|---|\n");
        for p in Part::ALL {
            let within = p
                .container()
                .map_or("—".to_string(), |c| format!("`{}`", c.key()));
            out.push_str(&format!(
                "| `{}` | `{}` | {within} | {} |\n",
                p.key(),
                p.phrase(),
                p.meaning()
            ));
        }
        out
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase())
    }
}

impl FromStr for Part {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Part::ALL
            .iter()
            .copied()
            .find(|p| p.phrase() == s)
            .ok_or_else(|| format!("unknown widget part {s:?}"))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn parts_round_trip_through_their_phrases_and_keys() {
        for &part in Part::ALL {
            assert_eq!(part.phrase().parse::<Part>().unwrap(), part);
            assert_eq!(Part::from_key(part.key()), Some(part));
        }
        assert!("sidebar".parse::<Part>().is_err());
        assert_eq!(Part::ALL.len(), 27);
    }

    #[test]
    fn every_container_chain_ends_at_the_chatbox() {
        for &part in Part::ALL {
            let mut p = part;
            let mut hops = 0;
            while let Some(c) = p.container() {
                p = c;
                hops += 1;
                assert!(hops < Part::ALL.len(), "{part} has a container cycle");
            }
            assert_eq!(p, Part::Chatbox, "{part}");
        }
    }

    #[test]
    fn the_regex_lists_every_phrase() {
        let alternatives: Vec<&str> = Part::REGEX.split('|').collect();
        let phrases: Vec<&str> = Part::ALL.iter().map(|p| p.phrase()).collect();
        assert_eq!(alternatives, phrases);
    }

    /// The docs carry the generated tables between markers; `OLARK_BLESS=1 cargo test`
    /// rewrites them after a change here.
    #[test]
    fn the_docs_carry_the_generated_part_tables() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (file, table) in [
            ("docs/writing-scenarios.md", Part::vocabulary_table()),
            ("docs/profiles.md", Part::selectors_table()),
        ] {
            let path = root.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            let (begin, end) = ("<!-- parts:begin -->\n", "<!-- parts:end -->");
            let start = text
                .find(begin)
                .unwrap_or_else(|| panic!("{file} lacks {begin:?}"));
            let stop = text
                .find(end)
                .unwrap_or_else(|| panic!("{file} lacks {end:?}"));
            let current = &text[start + begin.len()..stop];
            if current != table {
                if std::env::var_os("OLARK_BLESS").is_some() {
                    let updated =
                        format!("{}{table}{}", &text[..start + begin.len()], &text[stop..]);
                    std::fs::write(&path, updated).unwrap();
                } else {
                    panic!("{file}'s part table is out of date: run `OLARK_BLESS=1 cargo test --lib parts`");
                }
            }
        }
    }
}
