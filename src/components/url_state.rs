//! A page's state in the URL: parsed from `location.search` with a notice for everything that
//! was ignored, and written back with replace-navigation (Back leaves the page instead of
//! stepping through every click). Each page supplies its own parse and write functions from
//! `crate::query`.

use crate::query::Notice;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::Arc;

type WriteFn<Q> = Arc<dyn Fn(&Q) -> String + Send + Sync>;

pub struct UrlState<Q: Send + Sync + 'static> {
    pub query: Memo<Q>,
    pub notices: Memo<Vec<Notice>>,
    pathname: Memo<String>,
    write: StoredValue<WriteFn<Q>>,
}

impl<Q: Send + Sync + 'static> Clone for UrlState<Q> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q: Send + Sync + 'static> Copy for UrlState<Q> {}

impl<Q: Clone + PartialEq + Send + Sync + 'static> UrlState<Q> {
    /// `parse` reads a query string (without `?`); `write` returns the query string for a
    /// state, defaults left out (`""` for all defaults).
    pub fn new(
        parse: impl Fn(&str) -> (Q, Vec<Notice>) + Send + Sync + 'static,
        write: impl Fn(&Q) -> String + Send + Sync + 'static,
    ) -> Self {
        let location = use_location();
        let parsed = Memo::new(move |_| parse(&location.search.get()));
        UrlState {
            query: Memo::new(move |_| parsed.get().0),
            notices: Memo::new(move |_| parsed.get().1),
            pathname: location.pathname,
            write: StoredValue::new(Arc::new(write)),
        }
    }

    /// Writes `q` to the URL without adding a history entry. The path stays as the user has
    /// it (GitHub Pages adds a trailing slash to folder paths).
    pub fn set(self, q: Q) {
        let qs = self.write.with_value(|write| write(&q));
        let path = self.pathname.get_untracked();
        let url = if qs.is_empty() {
            path
        } else {
            format!("{path}?{qs}")
        };
        use_navigate()(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                resolve: false,
                ..Default::default()
            },
        );
    }

    pub fn update(self, f: impl FnOnce(&mut Q)) {
        let mut q = self.query.get_untracked();
        f(&mut q);
        self.set(q);
    }
}

/// What was ignored from the URL, as plain text.
#[component]
pub fn Notices(notices: Memo<Vec<Notice>>) -> impl IntoView {
    move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice" role="status">
                    <p>"Some of this link's settings were ignored:"</p>
                    <ul>{list.into_iter().map(|n| view! { <li>{n.0}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
