//! The conversation side of the mock backend, per site: operators and their groups,
//! visitors with their page views, transcripts and pushed events, and offline messages.
//!
//! Everything here is plain state and transitions on it; nothing does I/O. A transition
//! that the visitor must hear about appends to that visitor's event log, which the push
//! stream ([`super::protocol`]) and the control API read. See `docs/backend-protocol.md`.

use serde::{Deserialize, Serialize};

/// Errors of backend transitions; the HTTP faces map them to status codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackendError {
    #[error("no operator {0:?} on this site (add one first)")]
    UnknownOperator(String),
    #[error("operator {0:?} already exists on this site")]
    DuplicateOperator(String),
    #[error("no visitor {0:?} on this site")]
    UnknownVisitor(String),
    #[error("no visitor has opened a page of this site yet")]
    NoVisitor,
    #[error("{0}")]
    Invalid(String),
}

/// Longest text field the protocol accepts, in characters.
pub const MAX_TEXT: usize = 4_000;

/// An operator of the site, as the operator console would show them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Operator {
    pub id: String,
    pub name: String,
    /// Shown to visitors with the operator's messages.
    pub nickname: String,
    pub available: bool,
    /// Group ids; an operator of no group answers only visitors without a group.
    pub groups: Vec<String>,
}

/// Which way a transcript line went.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    ToOperator,
    ToVisitor,
}

/// What a transcript line is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Message,
    Notification,
    Command,
}

/// One line of a visitor's transcript.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Line {
    pub id: u64,
    pub direction: Direction,
    pub kind: Kind,
    /// `visitor`, an operator's nickname, or `[info]` for notifications to operators.
    pub author: String,
    pub body: String,
    pub at_ms: u64,
    /// Operator ids a line to the operator side reached (the visitor's group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    /// Index of the visit the line belongs to (set by [`Visitor::record`]).
    #[serde(default)]
    pub visit: usize,
    /// URL of the page the visitor was on (set by [`Visitor::record`]).
    #[serde(default)]
    pub page: String,
}

impl Line {
    /// Whether the visitor sees this line in their chat (commands and `[info]` notes
    /// are for the operator side only).
    pub fn visible_to_visitor(&self) -> bool {
        !matches!(
            (self.direction, self.kind),
            (_, Kind::Command) | (Direction::ToOperator, Kind::Notification)
        )
    }
}

/// An event pushed to one visitor's stream.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "event", content = "data", rename_all = "snake_case")]
pub enum PushEvent {
    Presence {
        available: bool,
        nickname: Option<String>,
    },
    Message {
        id: u64,
        body: String,
        nickname: String,
        at_ms: u64,
    },
    Command {
        name: String,
        body: String,
        nickname: String,
        at_ms: u64,
    },
    Notification {
        id: u64,
        body: String,
        at_ms: u64,
    },
    /// The operator ended the conversation.
    Ended {
        nickname: String,
        at_ms: u64,
    },
}

impl PushEvent {
    /// The SSE `event:` name.
    pub fn name(&self) -> &'static str {
        match self {
            PushEvent::Presence { .. } => "presence",
            PushEvent::Message { .. } => "message",
            PushEvent::Command { .. } => "command",
            PushEvent::Notification { .. } => "notification",
            PushEvent::Ended { .. } => "ended",
        }
    }

    /// The SSE `data:` object.
    pub fn data(&self) -> serde_json::Value {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("data").cloned())
            .unwrap_or(serde_json::Value::Null)
    }
}

/// A pushed event with its place in the visitor's stream (1-based, gapless).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Push {
    pub seq: u64,
    #[serde(flatten)]
    pub event: PushEvent,
}

/// A page the visitor opened.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageView {
    pub url: String,
    pub title: String,
    pub at_ms: u64,
    pub referrer: String,
    /// Index of the visit this page view belongs to.
    pub visit: usize,
}

/// One visit: page views with no more than [`VISIT_IDLE_MS`] of inactivity between them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Visit {
    pub start_ms: u64,
    pub last_activity_ms: u64,
    pub landing_url: String,
    pub referrer: String,
}

/// Silence after which the backend counts a visitor as idle (5 minutes): a visitor on an
/// ordinary site changes pages; one on a single-page application keeps a heartbeat.
pub const IDLE_AFTER_MS: u64 = 5 * 60 * 1_000;

/// Inactivity after which the next page view starts a new visit (30 minutes).
pub const VISIT_IDLE_MS: u64 = 30 * 60 * 1_000;

/// What the site's pages told the backend about the visitor (`api.visitor.update*`,
/// `api.chat.updateVisitor*`, the offline form).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct VisitorInfo {
    pub full_name: Option<String>,
    pub email_address: Option<String>,
    pub phone_number: Option<String>,
    pub custom_fields: serde_json::Map<String, serde_json::Value>,
    /// The nickname snippet, and whether it hides the default nickname.
    pub nickname: Option<(String, bool)>,
    pub status: Vec<String>,
}

/// A message left through the offline form.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OfflineMessage {
    pub id: u64,
    pub visitor: String,
    pub name: String,
    pub email: String,
    pub body: String,
    pub at_ms: u64,
    pub recipients: Vec<String>,
}

/// One visitor of the site.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Visitor {
    pub id: String,
    pub group: Option<String>,
    pub pages: Vec<PageView>,
    pub transcript: Vec<Line>,
    pub events: Vec<Push>,
    pub visits: Vec<Visit>,
    pub info: VisitorInfo,
    /// Site time of the visitor's latest request (page view, message, heartbeat…).
    pub last_seen_ms: u64,
    /// Chat ratings the visitor gave (`features.feedback`), oldest first.
    pub feedback: Vec<serde_json::Map<String, serde_json::Value>>,
    /// From the latest page view's request.
    pub user_agent: String,
    pub ip: String,
    /// The availability last pushed, so only changes are pushed.
    last_available: bool,
}

impl Visitor {
    /// Sequence number of the newest event (0 when none).
    pub fn seq(&self) -> u64 {
        self.events.last().map_or(0, |p| p.seq)
    }

    /// Appends a transcript line, stamped with the current visit and page, as activity.
    fn record(&mut self, mut line: Line) {
        line.visit = self.visits.len().saturating_sub(1);
        line.page = self.pages.last().map(|p| p.url.clone()).unwrap_or_default();
        self.touch(line.at_ms);
        self.transcript.push(line);
    }

    /// Whether the visitor counts as idle at site time `now`: no request for
    /// [`IDLE_AFTER_MS`].
    pub fn is_idle(&self, now: u64) -> bool {
        now.saturating_sub(self.last_seen_ms) > IDLE_AFTER_MS
    }

    /// Notes activity at `at_ms` (keeps the current visit alive).
    fn touch(&mut self, at_ms: u64) {
        self.last_seen_ms = self.last_seen_ms.max(at_ms);
        if let Some(v) = self.visits.last_mut() {
            v.last_activity_ms = v.last_activity_ms.max(at_ms);
        }
    }

    fn push(&mut self, event: PushEvent) {
        let seq = self.seq() + 1;
        self.events.push(Push { seq, event });
    }
}

/// A page view as the widget reports it, with what the request itself tells.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageRequest<'a> {
    pub url: &'a str,
    pub title: &'a str,
    pub referrer: &'a str,
    pub group: Option<&'a str>,
    pub user_agent: &'a str,
    pub ip: &'a str,
}

/// What the visitor's widget needs after a page load.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageState {
    /// The site's dashboard settings (filled in by the protocol layer, which owns them).
    pub settings: serde_json::Map<String, serde_json::Value>,
    pub available: bool,
    pub nickname: Option<String>,
    pub seq: u64,
    pub group: Option<String>,
    pub transcript: Vec<Line>,
    /// Which visit this page view belongs to (1 for the first): what a widget needs to
    /// keep something once per visit, such as a Targeted Chat rule's `perVisit` limit.
    pub visit: usize,
}

/// The conversation state of one site.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Backend {
    pub operators: Vec<Operator>,
    /// Visitors in the order they were last seen (the newest last).
    pub visitors: Vec<Visitor>,
    pub offline_messages: Vec<OfflineMessage>,
    next_id: u64,
}

impl Backend {
    fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Whether an operator answers visitors of `group`, and who would answer.
    pub fn availability(&self, group: Option<&str>) -> (bool, Option<String>) {
        let answering = self
            .operators
            .iter()
            .find(|o| o.available && serves(o, group));
        (answering.is_some(), answering.map(|o| o.nickname.clone()))
    }

    /// Operator ids that lines from a visitor of `group` reach.
    fn recipients(&self, group: Option<&str>) -> Vec<String> {
        self.operators
            .iter()
            .filter(|o| serves(o, group))
            .map(|o| o.id.clone())
            .collect()
    }

    pub fn visitor(&self, id: &str) -> Option<&Visitor> {
        self.visitors.iter().find(|v| v.id == id)
    }

    /// The visitor an operator-side line goes to: the one named, else the most recently
    /// seen (what an operator console has open).
    fn addressee(&self, visitor: Option<&str>) -> Result<String, BackendError> {
        match visitor {
            Some(v) => Ok(v.to_string()),
            None => self
                .visitors
                .last()
                .map(|v| v.id.clone())
                .ok_or(BackendError::NoVisitor),
        }
    }

    fn visitor_mut(&mut self, id: &str) -> Result<&mut Visitor, BackendError> {
        self.visitors
            .iter_mut()
            .find(|v| v.id == id)
            .ok_or_else(|| BackendError::UnknownVisitor(id.to_string()))
    }

    /// Pushes a presence event to every visitor whose availability changed.
    fn refresh_presence(&mut self) {
        let states: Vec<(bool, Option<String>)> = self
            .visitors
            .iter()
            .map(|v| self.availability(v.group.as_deref()))
            .collect();
        for (v, (available, nickname)) in self.visitors.iter_mut().zip(states) {
            if v.last_available != available {
                v.last_available = available;
                v.push(PushEvent::Presence {
                    available,
                    nickname,
                });
            }
        }
    }

    // ---- operator side (control API) ------------------------------------------------

    pub fn add_operator(&mut self, op: Operator) -> Result<(), BackendError> {
        check_text("operator id", &op.id, false)?;
        check_text("operator name", &op.name, false)?;
        if self.operators.iter().any(|o| o.id == op.id) {
            return Err(BackendError::DuplicateOperator(op.id));
        }
        self.operators.push(op);
        self.refresh_presence();
        Ok(())
    }

    pub fn set_available(&mut self, operator: &str, available: bool) -> Result<(), BackendError> {
        let op = self
            .operators
            .iter_mut()
            .find(|o| o.id == operator)
            .ok_or_else(|| BackendError::UnknownOperator(operator.to_string()))?;
        op.available = available;
        self.refresh_presence();
        Ok(())
    }

    /// An operator types `body` to a visitor (the most recently seen one by default).
    /// A body starting with `!` is a command: pushed to the widget, never shown.
    pub fn operator_says(
        &mut self,
        operator: &str,
        visitor: Option<&str>,
        body: &str,
        at_ms: u64,
    ) -> Result<u64, BackendError> {
        check_text("body", body, false)?;
        let nickname = self
            .operators
            .iter()
            .find(|o| o.id == operator)
            .map(|o| o.nickname.clone())
            .ok_or_else(|| BackendError::UnknownOperator(operator.to_string()))?;
        let visitor = self.addressee(visitor)?;
        let id = self.next_id();
        let v = self.visitor_mut(&visitor)?;
        let (kind, event) = match parse_command(body) {
            Some((name, rest)) => (
                Kind::Command,
                PushEvent::Command {
                    name,
                    body: rest,
                    nickname: nickname.clone(),
                    at_ms,
                },
            ),
            None => (
                Kind::Message,
                PushEvent::Message {
                    id,
                    body: body.to_string(),
                    nickname: nickname.clone(),
                    at_ms,
                },
            ),
        };
        v.record(Line {
            id,
            direction: Direction::ToVisitor,
            kind,
            author: nickname,
            body: body.to_string(),
            at_ms,
            recipients: vec![],
            visit: 0,
            page: String::new(),
        });
        v.push(event);
        Ok(id)
    }

    /// A notification to the visitor from the operator side (shown without an author).
    pub fn notify_visitor(
        &mut self,
        visitor: Option<&str>,
        body: &str,
        at_ms: u64,
    ) -> Result<u64, BackendError> {
        check_text("body", body, false)?;
        let visitor = self.addressee(visitor)?;
        let id = self.next_id();
        let v = self.visitor_mut(&visitor)?;
        v.record(Line {
            id,
            direction: Direction::ToVisitor,
            kind: Kind::Notification,
            author: String::new(),
            body: body.to_string(),
            at_ms,
            recipients: vec![],
            visit: 0,
            page: String::new(),
        });
        v.push(PushEvent::Notification {
            id,
            body: body.to_string(),
            at_ms,
        });
        Ok(id)
    }

    // ---- visitor side (widget protocol) ---------------------------------------------

    /// The visitor opened a page; creates the visitor on first sight.
    pub fn page(
        &mut self,
        visitor: &str,
        view: PageRequest<'_>,
        at_ms: u64,
    ) -> Result<PageState, BackendError> {
        let PageRequest {
            url,
            title,
            referrer,
            group,
            user_agent,
            ip,
        } = view;
        check_text("url", url, true)?;
        check_text("title", title, true)?;
        check_text("referrer", referrer, true)?;
        if let Some(g) = group {
            check_text("group", g, false)?;
        }
        let position = self.visitors.iter().position(|v| v.id == visitor);
        let mut v = match position {
            Some(i) => self.visitors.remove(i),
            None => Visitor {
                id: visitor.to_string(),
                group: None,
                pages: vec![],
                transcript: vec![],
                events: vec![],
                visits: vec![],
                last_seen_ms: at_ms,
                feedback: vec![],
                info: VisitorInfo::default(),
                user_agent: String::new(),
                ip: String::new(),
                last_available: false,
            },
        };
        let idle = v
            .visits
            .last()
            .is_none_or(|last| at_ms.saturating_sub(last.last_activity_ms) > VISIT_IDLE_MS);
        if idle {
            v.visits.push(Visit {
                start_ms: at_ms,
                last_activity_ms: at_ms,
                landing_url: url.to_string(),
                referrer: referrer.to_string(),
            });
        }
        v.touch(at_ms);
        v.user_agent = user_agent.to_string();
        v.ip = ip.to_string();
        if let Some(g) = group {
            v.group = Some(g.to_string());
        }
        v.pages.push(PageView {
            url: url.to_string(),
            title: title.to_string(),
            at_ms,
            referrer: referrer.to_string(),
            visit: v.visits.len() - 1,
        });
        let (available, nickname) = self.availability(v.group.as_deref());
        v.last_available = available;
        let state = PageState {
            settings: serde_json::Map::new(),
            available,
            nickname,
            seq: v.seq(),
            group: v.group.clone(),
            transcript: v
                .transcript
                .iter()
                .filter(|l| l.visible_to_visitor())
                .cloned()
                .collect(),
            visit: v.visits.len(),
        };
        // Most recently seen last: the operator console's default visitor.
        self.visitors.push(v);
        Ok(state)
    }

    /// A line from the visitor's side to the operators (a typed message, or an `[info]`
    /// notification the page sent).
    pub fn to_operators(
        &mut self,
        visitor: &str,
        kind: Kind,
        body: &str,
        at_ms: u64,
    ) -> Result<u64, BackendError> {
        check_text("body", body, false)?;
        let group = self.visitor_mut(visitor)?.group.clone();
        let recipients = self.recipients(group.as_deref());
        let id = self.next_id();
        let author = match kind {
            Kind::Notification => "[info]",
            _ => "visitor",
        };
        self.visitor_mut(visitor)?.record(Line {
            id,
            direction: Direction::ToOperator,
            kind,
            author: author.to_string(),
            body: body.to_string(),
            at_ms,
            recipients,
            visit: 0,
            page: String::new(),
        });
        Ok(id)
    }

    /// A message or notification the page showed the visitor itself
    /// (`api.chat.sendMessageToVisitor` / `sendNotificationToVisitor`): recorded, not pushed.
    pub fn shown_to_visitor(
        &mut self,
        visitor: &str,
        kind: Kind,
        body: &str,
        at_ms: u64,
    ) -> Result<u64, BackendError> {
        check_text("body", body, false)?;
        if kind == Kind::Command {
            return Err(BackendError::Invalid(
                "kind must be \"message\" or \"notification\"".into(),
            ));
        }
        let group = self.visitor_mut(visitor)?.group.clone();
        let author = match kind {
            Kind::Message => self.availability(group.as_deref()).1.unwrap_or_default(),
            _ => String::new(),
        };
        let id = self.next_id();
        self.visitor_mut(visitor)?.record(Line {
            id,
            direction: Direction::ToVisitor,
            kind,
            author,
            body: body.to_string(),
            at_ms,
            recipients: vec![],
            visit: 0,
            page: String::new(),
        });
        Ok(id)
    }

    pub fn offline_message(
        &mut self,
        visitor: &str,
        name: &str,
        email: &str,
        body: &str,
        at_ms: u64,
    ) -> Result<u64, BackendError> {
        check_text("name", name, true)?;
        check_text("email", email, true)?;
        check_text("body", body, false)?;
        let v = self.visitor_mut(visitor)?;
        v.touch(at_ms);
        // The offline form is one of the sources of the last-known name and email.
        if !name.trim().is_empty() {
            v.info.full_name = Some(name.to_string());
        }
        if !email.trim().is_empty() {
            v.info.email_address = Some(email.to_string());
        }
        let group = v.group.clone();
        let recipients = self.recipients(group.as_deref());
        let id = self.next_id();
        self.offline_messages.push(OfflineMessage {
            id,
            visitor: visitor.to_string(),
            name: name.to_string(),
            email: email.to_string(),
            body: body.to_string(),
            at_ms,
            recipients,
        });
        Ok(id)
    }

    /// `api.chat.setOperatorGroup`: lines from now on reach only that group.
    pub fn set_group(
        &mut self,
        visitor: &str,
        group: &str,
    ) -> Result<(bool, Option<String>), BackendError> {
        check_text("group", group, false)?;
        self.visitor_mut(visitor)?.group = Some(group.to_string());
        self.refresh_presence();
        Ok(self.availability(Some(group)))
    }

    /// The operator ends the conversation with a visitor (the most recent by default).
    pub fn end_conversation(
        &mut self,
        operator: &str,
        visitor: Option<&str>,
        at_ms: u64,
    ) -> Result<(), BackendError> {
        let nickname = self
            .operators
            .iter()
            .find(|o| o.id == operator)
            .map(|o| o.nickname.clone())
            .ok_or_else(|| BackendError::UnknownOperator(operator.to_string()))?;
        let visitor = self.addressee(visitor)?;
        let v = self.visitor_mut(&visitor)?;
        v.touch(at_ms);
        v.push(PushEvent::Ended { nickname, at_ms });
        Ok(())
    }

    /// The visitor's answers to the chat ratings survey.
    pub fn feedback(
        &mut self,
        visitor: &str,
        answers: serde_json::Map<String, serde_json::Value>,
        at_ms: u64,
    ) -> Result<(), BackendError> {
        for (k, v) in &answers {
            match v {
                serde_json::Value::Number(_) | serde_json::Value::Null => {}
                serde_json::Value::String(text) => check_text(k, text, true)?,
                _ => {
                    return Err(BackendError::Invalid(format!(
                        "answer {k:?} must be a number or a string"
                    )))
                }
            }
        }
        let v = self.visitor_mut(visitor)?;
        v.touch(at_ms);
        v.feedback.push(answers);
        Ok(())
    }

    /// The widget is still there (single-page applications): the visitor is not idle.
    pub fn heartbeat(&mut self, visitor: &str, at_ms: u64) -> Result<(), BackendError> {
        self.visitor_mut(visitor)?.touch(at_ms);
        Ok(())
    }

    /// What `api.visitor.getDetails` reports for the visitor at site time `now`.
    pub fn details(
        &self,
        visitor: &str,
        now: u64,
    ) -> Result<super::details::Details, BackendError> {
        let v = self
            .visitor(visitor)
            .ok_or_else(|| BackendError::UnknownVisitor(visitor.to_string()))?;
        Ok(super::details::details(v, now))
    }

    /// `updateFullName`, `updateEmailAddress`, `updatePhoneNumber`, `updateCustomFields`:
    /// set what is given; custom fields merge (`null` removes one).
    pub fn update_info(
        &mut self,
        visitor: &str,
        update: InfoUpdate,
        at_ms: u64,
    ) -> Result<(), BackendError> {
        for (what, value) in [
            ("fullName", &update.full_name),
            ("emailAddress", &update.email_address),
            ("phoneNumber", &update.phone_number),
        ] {
            if let Some(v) = value {
                check_text(what, v, true)?;
            }
        }
        if let Some(fields) = &update.custom_fields {
            for (k, v) in fields {
                check_text("custom field name", k, false)?;
                if matches!(
                    v,
                    serde_json::Value::Array(_) | serde_json::Value::Object(_)
                ) {
                    return Err(BackendError::Invalid(format!(
                        "custom field {k:?} must be a string, number, boolean or null"
                    )));
                }
                if let serde_json::Value::String(text) = v {
                    check_text(k, text, true)?;
                }
            }
        }
        let v = self.visitor_mut(visitor)?;
        v.touch(at_ms);
        let info = &mut v.info;
        if let Some(name) = update.full_name {
            info.full_name = Some(name);
        }
        if let Some(email) = update.email_address {
            info.email_address = Some(email);
        }
        if let Some(phone) = update.phone_number {
            info.phone_number = Some(phone);
        }
        for (k, value) in update.custom_fields.unwrap_or_default() {
            if value.is_null() {
                info.custom_fields.remove(&k);
            } else {
                info.custom_fields.insert(k, value);
            }
        }
        Ok(())
    }

    /// `api.chat.updateVisitorNickname`.
    pub fn set_nickname(
        &mut self,
        visitor: &str,
        snippet: &str,
        hides_default: bool,
        at_ms: u64,
    ) -> Result<(), BackendError> {
        check_text("snippet", snippet, true)?;
        let v = self.visitor_mut(visitor)?;
        v.touch(at_ms);
        v.info.nickname = Some((snippet.to_string(), hides_default));
        Ok(())
    }

    /// `api.chat.updateVisitorStatus`. An email address as the first snippet is also
    /// the visitor's email address, as the operator console detects it.
    pub fn set_status(
        &mut self,
        visitor: &str,
        snippets: Vec<String>,
        at_ms: u64,
    ) -> Result<(), BackendError> {
        for s in &snippets {
            check_text("snippet", s, true)?;
        }
        let v = self.visitor_mut(visitor)?;
        v.touch(at_ms);
        if let Some(first) = snippets.first().filter(|s| looks_like_email(s)) {
            v.info.email_address = Some(first.trim().to_string());
        }
        v.info.status = snippets;
        Ok(())
    }

    /// Lines to the operator side that reached `operator`.
    pub fn received_by(&self, operator: &str) -> Vec<&Line> {
        self.visitors
            .iter()
            .flat_map(|v| &v.transcript)
            .filter(|l| {
                l.direction == Direction::ToOperator && l.recipients.iter().any(|r| r == operator)
            })
            .collect()
    }
}

/// What an update call sets; `None` leaves a value as it is.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct InfoUpdate {
    #[serde(default)]
    pub full_name: Option<String>,
    #[serde(default)]
    pub email_address: Option<String>,
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `name@host.tld`, without spaces.
fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// Whether `op` answers visitors of `group`. Without a group, every operator does.
fn serves(op: &Operator, group: Option<&str>) -> bool {
    group.is_none_or(|g| op.groups.iter().any(|og| og == g))
}

/// `!q 2` → (`q`, `2`); `!faq` → (`faq`, ``); anything else is not a command.
pub fn parse_command(body: &str) -> Option<(String, String)> {
    let rest = body.strip_prefix('!')?;
    let (name, arg) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    (!name.is_empty()).then(|| (name.to_string(), arg.trim().to_string()))
}

fn check_text(what: &str, value: &str, empty_ok: bool) -> Result<(), BackendError> {
    if !empty_ok && value.trim().is_empty() {
        return Err(BackendError::Invalid(format!("{what} must not be empty")));
    }
    let chars = value.chars().count();
    if chars > MAX_TEXT {
        return Err(BackendError::Invalid(format!(
            "{what} is {chars} characters long; at most {MAX_TEXT} are accepted"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(id: &str, available: bool, groups: &[&str]) -> Operator {
        Operator {
            id: id.into(),
            name: id.into(),
            nickname: format!("{id} N."),
            available,
            groups: groups.iter().map(|g| g.to_string()).collect(),
        }
    }

    fn presences(v: &Visitor) -> Vec<bool> {
        v.events
            .iter()
            .filter_map(|p| match &p.event {
                PushEvent::Presence { available, .. } => Some(*available),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn commands_parse() {
        assert_eq!(parse_command("!q 2"), Some(("q".into(), "2".into())));
        assert_eq!(parse_command("!faq"), Some(("faq".into(), "".into())));
        assert_eq!(
            parse_command("!track this is a lead"),
            Some(("track".into(), "this is a lead".into()))
        );
        assert_eq!(parse_command("hello !faq"), None);
        assert_eq!(parse_command("!"), None);
        assert_eq!(parse_command("! faq"), None);
    }

    #[test]
    fn presence_is_pushed_on_changes_only() {
        let mut b = Backend::default();
        b.page(
            "v1",
            PageRequest {
                url: "http://x/",
                title: "X",
                group: None,
                ..PageRequest::default()
            },
            0,
        )
        .unwrap();
        b.add_operator(op("alice", true, &[])).unwrap();
        b.add_operator(op("bob", false, &[])).unwrap();
        b.set_available("bob", true).unwrap();
        b.set_available("alice", false).unwrap();
        b.set_available("bob", false).unwrap();
        assert_eq!(presences(b.visitor("v1").unwrap()), vec![true, false]);
    }

    #[test]
    fn groups_route_lines_and_presence() {
        let mut b = Backend::default();
        b.add_operator(op("sales", true, &["g-sales"])).unwrap();
        b.add_operator(op("support", true, &["g-support"])).unwrap();
        let state = b
            .page(
                "v1",
                PageRequest {
                    url: "u",
                    title: "t",
                    group: Some("g-sales"),
                    ..PageRequest::default()
                },
                0,
            )
            .unwrap();
        assert_eq!(state.nickname.as_deref(), Some("sales N."));
        b.to_operators("v1", Kind::Message, "hi", 1).unwrap();
        assert_eq!(b.received_by("sales").len(), 1);
        assert!(b.received_by("support").is_empty());
        b.set_available("sales", false).unwrap();
        assert_eq!(presences(b.visitor("v1").unwrap()), vec![false]);
        assert!(b.set_group("v1", "g-support").unwrap().0);
        assert_eq!(presences(b.visitor("v1").unwrap()), vec![false, true]);
    }

    #[test]
    fn operator_lines_go_to_the_newest_visitor_and_commands_stay_hidden() {
        let mut b = Backend::default();
        b.add_operator(op("alice", true, &[])).unwrap();
        assert_eq!(
            b.operator_says("alice", None, "hi", 0),
            Err(BackendError::NoVisitor)
        );
        b.page(
            "old",
            PageRequest {
                url: "u",
                title: "t",
                group: None,
                ..PageRequest::default()
            },
            0,
        )
        .unwrap();
        b.page(
            "new",
            PageRequest {
                url: "u",
                title: "t",
                group: None,
                ..PageRequest::default()
            },
            0,
        )
        .unwrap();
        b.operator_says("alice", None, "hello", 5).unwrap();
        b.operator_says("alice", None, "!q 2", 6).unwrap();
        let v = b.visitor("new").unwrap();
        assert_eq!(v.events.len(), 2);
        assert_eq!(v.events[1].event.name(), "command");
        let state = b
            .page(
                "new",
                PageRequest {
                    url: "u2",
                    title: "t2",
                    group: None,
                    ..PageRequest::default()
                },
                7,
            )
            .unwrap();
        assert_eq!(state.transcript.len(), 1, "{:?}", state.transcript);
        assert_eq!(state.seq, 2);
        assert!(b.visitor("old").unwrap().events.is_empty());
    }

    #[test]
    fn visits_pages_and_time_on_the_site_clock() {
        let mut b = Backend::default();
        let page = |url| PageRequest {
            url,
            title: "T",
            ..PageRequest::default()
        };
        assert_eq!(b.page("v", page("http://s/a"), 0).unwrap().visit, 1);
        assert_eq!(b.page("v", page("http://s/b"), 60_000).unwrap().visit, 1);
        b.to_operators("v", Kind::Message, "hi", 90_000).unwrap();
        let d = b.details("v", 120_000).unwrap();
        assert_eq!((d.visit_count, d.page_count_for_this_visit), (1, 2));
        assert_eq!(d.seconds_spent_for_this_visit, 120);
        assert_eq!(d.seconds_since_last_message_to_operator, Some(30));
        assert_eq!(d.seconds_since_last_message_to_visitor, None);
        assert_eq!(d.conversation_begin_page.as_deref(), Some("http://s/b"));
        assert!(d.is_conversing);
        // 31 idle minutes later: a new visit, the old one counted to its last activity.
        let later = 90_000 + VISIT_IDLE_MS + 60_000;
        assert_eq!(b.page("v", page("http://s/c"), later).unwrap().visit, 2);
        let d = b.details("v", later + 10_000).unwrap();
        assert_eq!(
            (
                d.visit_count,
                d.page_count_for_this_visit,
                d.page_count_across_all_visits
            ),
            (2, 1, 3)
        );
        assert_eq!(d.seconds_spent_for_this_visit, 10);
        assert_eq!(d.seconds_spent_across_all_visits, 90 + 10);
        assert!(!d.is_conversing);
        assert_eq!(
            (
                d.conversation_count,
                d.message_count_across_all_visits,
                d.message_count_for_this_visit
            ),
            (1, 1, 0)
        );
    }

    #[test]
    fn updates_merge_and_status_detects_email() {
        let mut b = Backend::default();
        b.page("v", PageRequest::default(), 0).unwrap();
        let fields = |pairs: &[(&str, serde_json::Value)]| {
            Some(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            )
        };
        b.update_info(
            "v",
            InfoUpdate {
                custom_fields: fields(&[("a", "1".into()), ("b", 2.into())]),
                ..Default::default()
            },
            0,
        )
        .unwrap();
        b.update_info(
            "v",
            InfoUpdate {
                custom_fields: fields(&[("a", serde_json::Value::Null), ("c", true.into())]),
                ..Default::default()
            },
            0,
        )
        .unwrap();
        let d = b.details("v", 0).unwrap();
        assert_eq!(
            serde_json::Value::Object(d.custom_fields),
            serde_json::json!({"b": 2, "c": true})
        );
        b.set_status("v", vec!["test@example.com".into(), "Some text".into()], 0)
            .unwrap();
        assert_eq!(
            b.details("v", 0).unwrap().email_address.as_deref(),
            Some("test@example.com")
        );
        b.set_status("v", vec!["has 10 items in cart".into()], 0)
            .unwrap();
        assert_eq!(
            b.details("v", 0).unwrap().email_address.as_deref(),
            Some("test@example.com")
        );
        let nested = InfoUpdate {
            custom_fields: fields(&[("x", serde_json::json!([1]))]),
            ..Default::default()
        };
        assert!(matches!(
            b.update_info("v", nested, 0),
            Err(BackendError::Invalid(_))
        ));
        assert!(
            looks_like_email("joe@olark.com")
                && !looks_like_email("joe at olark")
                && !looks_like_email("a@b")
        );
    }

    #[test]
    fn invalid_text_is_rejected() {
        let mut b = Backend::default();
        b.page(
            "v",
            PageRequest {
                url: "u",
                title: "t",
                group: None,
                ..PageRequest::default()
            },
            0,
        )
        .unwrap();
        assert!(matches!(
            b.to_operators("v", Kind::Message, "  ", 0),
            Err(BackendError::Invalid(_))
        ));
        let long = "x".repeat(MAX_TEXT + 1);
        assert!(matches!(
            b.to_operators("v", Kind::Message, &long, 0),
            Err(BackendError::Invalid(_))
        ));
        assert_eq!(
            b.to_operators("nobody", Kind::Message, "hi", 0),
            Err(BackendError::UnknownVisitor("nobody".into()))
        );
    }
}
