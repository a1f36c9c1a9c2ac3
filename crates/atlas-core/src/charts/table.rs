//! The table of what a chart draws: the "Table" view under every chart and its CSV download.

/// A table of what a chart shows: for the "Table" view and the CSV download.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// RFC 4180 CSV: fields with commas, quotes or newlines are quoted.
    pub fn to_csv(&self) -> String {
        let line = |cells: &[String]| {
            cells
                .iter()
                .map(|c| {
                    if c.contains([',', '"', '\n', '\r']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut out = line(&self.headers);
        for row in &self.rows {
            out.push_str("\r\n");
            out.push_str(&line(row));
        }
        out.push_str("\r\n");
        out
    }
}
