//! `api.visitor.getDetails` as the backend computes it: the visitor's visits, pages,
//! conversation and time on the site clock, what the referrer and landing URL imply,
//! browser and OS from the User-Agent, and geolocation from a fixture GeoIP table.
//! The meaning of every field is in `docs/backend-protocol.md` ("Details").

use serde::Serialize;
use serde_json::{Map, Value};
use url::Url;

use super::backend::{Direction, Kind, Line, Visitor};

/// Where an IP is, for the GeoIP table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    pub ip: &'static str,
    pub city: &'static str,
    pub region: &'static str,
    pub country: &'static str,
    pub country_code: &'static str,
    pub organization: &'static str,
}

/// The fixture GeoIP table: documentation addresses standing in for the places the
/// documentation's examples target. Scenarios pick a place by "City, Country".
pub const GEOIP: &[Place] = &[
    Place {
        ip: "201.192.0.10",
        city: "San José",
        region: "San José Province",
        country: "Costa Rica",
        country_code: "CR",
        organization: "Radiográfica Costarricense",
    },
    Place {
        ip: "73.162.0.10",
        city: "San Jose",
        region: "California",
        country: "United States",
        country_code: "US",
        organization: "Comcast Cable",
    },
    Place {
        ip: "157.7.0.10",
        city: "Tokyo",
        region: "Tokyo",
        country: "Japan",
        country_code: "JP",
        organization: "GMO Internet",
    },
    Place {
        ip: "81.2.69.160",
        city: "London",
        region: "England",
        country: "United Kingdom",
        country_code: "GB",
        organization: "Andrews & Arnold",
    },
];

/// The place named "City, Country" (`San José, Costa Rica`).
pub fn place_named(name: &str) -> Option<&'static Place> {
    GEOIP
        .iter()
        .find(|p| format!("{}, {}", p.city, p.country) == name)
}

fn place_of(ip: &str) -> Option<&'static Place> {
    GEOIP.iter().find(|p| p.ip == ip)
}

/// Everything `api.visitor.getDetails` reports, in the documentation's names.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Details {
    pub email_address: Option<String>,
    pub full_name: Option<String>,
    pub phone_number: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub country_code: Option<String>,
    pub organization: Option<String>,
    pub visit_count: usize,
    pub page_count_for_this_visit: usize,
    pub page_count_across_all_visits: usize,
    pub seconds_spent_for_this_visit: u64,
    pub seconds_spent_across_all_visits: u64,
    pub current_page: Option<PageRef>,
    pub recent_page_history: Vec<PageRef>,
    pub conversation_count: usize,
    pub is_conversing: bool,
    pub message_count_for_this_visit: usize,
    pub message_count_across_all_visits: usize,
    pub seconds_since_last_message: Option<u64>,
    pub seconds_since_last_message_to_operator: Option<u64>,
    pub seconds_since_last_message_to_visitor: Option<u64>,
    pub seconds_since_last_notification_to_operator: Option<u64>,
    pub conversation_begin_page: Option<String>,
    pub referrer: String,
    pub referred_by_paid_advertising_this_visit: bool,
    pub referred_by_paid_advertising_ever: bool,
    pub referred_by_campaign_this_visit: bool,
    pub referred_by_campaign_ever: bool,
    pub search_text_for_this_visit: Option<String>,
    pub search_text_for_previous_visits: Vec<String>,
    pub browser: Option<String>,
    pub operating_system: Option<String>,
    pub ip: String,
    pub custom_fields: Map<String, Value>,
}

/// A page as getDetails reports it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageRef {
    pub title: String,
    pub url: String,
}

/// How many recent pages `recentPageHistory` lists.
pub const RECENT_PAGES: usize = 10;

/// Computes the details of `v` at site time `now`.
pub fn details(v: &Visitor, now: u64) -> Details {
    let current = v.visits.len().saturating_sub(1);
    let this_visit = |visit: usize| visit == current;
    let messages: Vec<&Line> = v
        .transcript
        .iter()
        .filter(|l| l.kind == Kind::Message)
        .collect();
    let since = |pred: &dyn Fn(&Line) -> bool| {
        v.transcript
            .iter()
            .filter(|l| pred(l))
            .map(|l| l.at_ms)
            .max()
            .map(|t| now.saturating_sub(t) / 1_000)
    };
    let mut conversations: Vec<usize> = messages.iter().map(|l| l.visit).collect();
    conversations.dedup();
    let landing = |i: usize| {
        v.visits
            .get(i)
            .map(|visit| Landing::of(&visit.landing_url, &visit.referrer))
    };
    let this = landing(current).unwrap_or_default();
    let all: Vec<Landing> = (0..v.visits.len()).filter_map(landing).collect();
    let spent = |i: usize| {
        v.visits.get(i).map_or(0, |visit| {
            let end = if i == current {
                now
            } else {
                visit.last_activity_ms
            };
            end.saturating_sub(visit.start_ms) / 1_000
        })
    };
    let place = place_of(&v.ip);
    let (browser, operating_system) = browser_and_os(&v.user_agent);
    let page_ref = |p: &super::backend::PageView| PageRef {
        title: p.title.clone(),
        url: p.url.clone(),
    };
    Details {
        email_address: v.info.email_address.clone(),
        full_name: v.info.full_name.clone(),
        phone_number: v.info.phone_number.clone(),
        city: place.map(|p| p.city.to_string()),
        region: place.map(|p| p.region.to_string()),
        country: place.map(|p| p.country.to_string()),
        country_code: place.map(|p| p.country_code.to_string()),
        organization: place.map(|p| p.organization.to_string()),
        visit_count: v.visits.len(),
        page_count_for_this_visit: v.pages.iter().filter(|p| this_visit(p.visit)).count(),
        page_count_across_all_visits: v.pages.len(),
        seconds_spent_for_this_visit: spent(current),
        seconds_spent_across_all_visits: (0..v.visits.len()).map(spent).sum(),
        current_page: v.pages.last().map(page_ref),
        recent_page_history: v
            .pages
            .iter()
            .skip(v.pages.len().saturating_sub(RECENT_PAGES))
            .map(page_ref)
            .collect(),
        conversation_count: conversations.len(),
        is_conversing: messages.iter().any(|l| this_visit(l.visit)),
        message_count_for_this_visit: messages.iter().filter(|l| this_visit(l.visit)).count(),
        message_count_across_all_visits: messages.len(),
        seconds_since_last_message: since(&|l| l.kind == Kind::Message),
        seconds_since_last_message_to_operator: since(&|l| {
            l.kind == Kind::Message && l.direction == Direction::ToOperator
        }),
        seconds_since_last_message_to_visitor: since(&|l| {
            l.kind == Kind::Message && l.direction == Direction::ToVisitor
        }),
        seconds_since_last_notification_to_operator: since(&|l| {
            l.kind == Kind::Notification && l.direction == Direction::ToOperator
        }),
        conversation_begin_page: messages
            .iter()
            .find(|l| this_visit(l.visit))
            .map(|l| l.page.clone()),
        referrer: v
            .visits
            .get(current)
            .map(|visit| visit.referrer.clone())
            .unwrap_or_default(),
        referred_by_paid_advertising_this_visit: this.paid,
        referred_by_paid_advertising_ever: all.iter().any(|l| l.paid),
        referred_by_campaign_this_visit: this.campaign,
        referred_by_campaign_ever: all.iter().any(|l| l.campaign),
        search_text_for_this_visit: this.search.clone(),
        search_text_for_previous_visits: all
            .iter()
            .take(current)
            .filter_map(|l| l.search.clone())
            .collect(),
        browser,
        operating_system,
        ip: v.ip.clone(),
        custom_fields: v.info.custom_fields.clone(),
    }
}

/// What a visit's landing URL and referrer say about how the visitor came.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Landing {
    pub paid: bool,
    pub campaign: bool,
    pub search: Option<String>,
}

impl Landing {
    pub fn of(landing_url: &str, referrer: &str) -> Landing {
        let landing = Url::parse(landing_url).ok();
        let param = |name: &str| {
            landing.as_ref().and_then(|u| {
                u.query_pairs()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.to_lowercase())
            })
        };
        let medium = param("utm_medium").unwrap_or_default();
        let referrer = Url::parse(referrer).ok();
        let ref_host = referrer
            .as_ref()
            .and_then(|u| u.host_str().map(str::to_lowercase))
            .unwrap_or_default();
        let on = |domain: &str| ref_host == domain || ref_host.ends_with(&format!(".{domain}"));
        let paid = param("gclid").is_some()
            || param("msclkid").is_some()
            || ["cpc", "ppc", "paid"].contains(&medium.as_str())
            || on("googleadservices.com")
            || on("doubleclick.net");
        let campaign = param("utm_campaign").is_some()
            || ["email", "newsletter", "blog"].contains(&medium.as_str());
        let search_param = if ref_host.contains("google.") || on("bing.com") {
            Some("q")
        } else if on("yahoo.com") {
            Some("p")
        } else {
            None
        };
        let search = search_param.and_then(|name| {
            referrer.as_ref().and_then(|u| {
                u.query_pairs()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.into_owned())
                    .filter(|v| !v.is_empty())
            })
        });
        Landing {
            paid,
            campaign,
            search,
        }
    }
}

/// `("Firefox 153.0", "Linux")` from a User-Agent.
pub fn browser_and_os(ua: &str) -> (Option<String>, Option<String>) {
    let version = |token: &str| {
        ua.split(token).nth(1).map(|rest| {
            let v: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let mut parts = v.split('.');
            let major = parts.next().unwrap_or("0");
            let minor = parts.next().unwrap_or("0");
            format!("{major}.{minor}")
        })
    };
    let browser = if ua.contains("Firefox/") {
        version("Firefox/").map(|v| format!("Firefox {v}"))
    } else if ua.contains("Edg/") {
        version("Edg/").map(|v| format!("Edge {v}"))
    } else if ua.contains("Chrome/") {
        version("Chrome/").map(|v| format!("Chrome {v}"))
    } else if ua.contains("Safari/") && ua.contains("Version/") {
        version("Version/").map(|v| format!("Safari {v}"))
    } else {
        None
    };
    let os = if ua.contains("Windows") {
        Some("Windows")
    } else if ua.contains("Android") {
        Some("Android")
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        Some("iOS")
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        Some("Mac")
    } else if ua.contains("Linux") || ua.contains("X11") {
        Some("Linux")
    } else {
        None
    };
    (browser, os.map(String::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_and_systems() {
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";
        assert_eq!(
            browser_and_os(firefox),
            (Some("Firefox 153.0".into()), Some("Linux".into()))
        );
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
        assert_eq!(
            browser_and_os(chrome),
            (Some("Chrome 156.0".into()), Some("Windows".into()))
        );
        let safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
        assert_eq!(
            browser_and_os(safari),
            (Some("Safari 17.5".into()), Some("Mac".into()))
        );
        assert_eq!(browser_and_os(""), (None, None));
    }

    #[test]
    fn landings() {
        let google = Landing::of(
            "http://shop/",
            "https://www.google.com/search?q=buying+widgets",
        );
        assert_eq!(google.search.as_deref(), Some("buying widgets"));
        assert!(!google.paid && !google.campaign);
        assert!(Landing::of("http://shop/?gclid=abc", "").paid);
        assert!(Landing::of("http://shop/?utm_medium=CPC", "").paid);
        assert!(Landing::of("http://shop/", "https://www.googleadservices.com/pagead").paid);
        assert!(Landing::of("http://shop/?utm_campaign=spring", "").campaign);
        assert!(Landing::of("http://shop/?utm_medium=email", "").campaign);
        let yahoo = Landing::of("http://shop/", "https://search.yahoo.com/search?p=olark");
        assert_eq!(yahoo.search.as_deref(), Some("olark"));
        let bing = Landing::of("http://shop/", "https://www.bing.com/search?q=chat");
        assert_eq!(bing.search.as_deref(), Some("chat"));
        assert_eq!(Landing::of("not a url", "also not"), Landing::default());
    }

    #[test]
    fn places() {
        assert_eq!(
            place_named("San José, Costa Rica").unwrap().country_code,
            "CR"
        );
        assert_eq!(place_named("Tokyo, Japan").unwrap().ip, "157.7.0.10");
        assert!(place_named("Atlantis, Nowhere").is_none());
    }
}
