//! CSV import of the visitor's own offers: one row per candidate, a salary and optionally how
//! many offers it received.
//!
//! Pure: the page reads the file and hands the bytes to [`parse_offers`]. Bad rows never fail
//! the import; they are skipped and reported by line (the first [`MAX_ERRORS`] in full, all of
//! them counted). Only problems with the file as a whole are an [`ImportError`].
//!
//! Format:
//! - Columns `salary` and optional `offers` (default 1; an empty offers field also means 1).
//! - An optional header: the first non-empty line is a header when its first field is not a
//!   number and a field names `salary` or `offer…` (case-insensitive, e.g. `Salary (USD)`,
//!   `offers`). `offers,salary` swaps the columns. A header naming only a salary column makes
//!   every line a single field, so `4,500` then reads as 4500.
//! - Delimiter: `;` if the first non-empty line containing `;` or `,` contains `;`, else `,`.
//!   With `,` a thousands comma needs double quotes (`"$4,500",2`); `4500,3` is salary 4500 with
//!   3 offers.
//! - Numbers may carry `$`, a sign, spaces (also non-breaking) and thousands separators (`,` or
//!   spaces, in groups of three) and a `.` decimal point: `$4,500`, `4 500`, `4,500.50`.
//! - Blank lines, a UTF-8 byte-order mark and CRLF line ends are fine.
//! - Rows with `offers = 0` are valid and kept in [`Import::offers`]; the statistics drop them
//!   (`stats::OfferSet::new`), because the source does not count candidates without offers.
//!   [`Import::zero_offer_rows`] says how many there were.

use crate::format::shown;
use crate::stats::Offer;

pub const MAX_ROWS: usize = 1_000_000;
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// Larger salaries are taken to be typos (a monthly or yearly salary above ten million).
pub const MAX_SALARY: f64 = 10_000_000.0;
/// How many row errors [`Import::errors`] keeps; [`Import::skipped`] counts all of them.
pub const MAX_ERRORS: usize = 20;

/// Longest number text accepted (digits and the decimal point, separators removed).
const MAX_NUMBER_LEN: usize = 40;

/// A skipped row: its 1-based line in the file and why it was skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: usize,
    pub reason: String,
}

/// The rows read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// Every valid row in file order, including those with 0 offers.
    pub offers: Vec<Offer>,
    /// The first [`MAX_ERRORS`] skipped rows.
    pub errors: Vec<RowError>,
    /// How many rows were skipped in total.
    pub skipped: usize,
    pub had_header: bool,
    /// The delimiter used: `','` or `';'`.
    pub delimiter: char,
}

impl Import {
    /// Valid rows with 0 offers (kept, but not counted by the statistics).
    pub fn zero_offer_rows(&self) -> usize {
        self.offers.iter().filter(|offer| offer.offers == 0).count()
    }
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("The file is empty. Choose a CSV file with one salary per line, optionally followed by the number of offers.")]
    Empty,
    #[error("The file is not a text (CSV) file: it is not UTF-8 text or it contains NUL bytes. Save it as CSV (UTF-8) and try again.")]
    NotText,
    #[error("The file is {} MB; at most 50 MB can be imported.", crate::format::megabytes(*.bytes))]
    TooLarge { bytes: usize },
    #[error("The file has {rows} rows; at most 1,000,000 can be imported.")]
    TooManyRows { rows: usize },
    #[error("The file has a header but no rows below it.")]
    NoRows,
    #[error("Line {line}: {reason}.")]
    BadHeader { line: usize, reason: String },
    #[error("None of the {skipped} rows could be read; see the reasons below.")]
    NoValidRows {
        skipped: usize,
        errors: Vec<RowError>,
    },
}

/// Reads a CSV file's bytes. Size and encoding are checked before anything is parsed.
pub fn parse_offers(bytes: &[u8]) -> Result<Import, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    parse_offers_text(text)
}

/// Reads CSV text (see the module docs for the format).
pub fn parse_offers_text(text: &str) -> Result<Import, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.as_bytes().contains(&0) {
        return Err(ImportError::NotText);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = detect_delimiter(text);
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line.strip_suffix('\r').unwrap_or(line)))
        .filter(|(_, line)| !line.trim().is_empty());

    let Some((first_no, first)) = lines.next() else {
        return Err(ImportError::Empty);
    };
    let columns = match header_columns(first, delimiter) {
        Ok(columns) => columns,
        Err(reason) => {
            return Err(ImportError::BadHeader {
                line: first_no,
                reason,
            })
        }
    };
    let had_header = columns.is_some();
    let columns = columns.unwrap_or(Columns::SalaryOffers);

    // One allocation for the rows instead of ~20 doublings on a large file.
    let line_count = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut import = Import {
        offers: Vec::with_capacity(line_count.min(MAX_ROWS)),
        errors: Vec::new(),
        skipped: 0,
        had_header,
        delimiter: char::from(delimiter),
    };
    let first_row = (!had_header).then_some((first_no, first));
    let mut data = first_row.into_iter().chain(lines);
    let mut rows = 0usize;
    for (line_no, line) in data.by_ref() {
        rows += 1;
        if rows > MAX_ROWS {
            break;
        }
        match parse_row(line, delimiter, columns) {
            Ok(offer) => import.offers.push(offer),
            Err(problem) => {
                import.skipped += 1;
                if import.errors.len() < MAX_ERRORS {
                    import.errors.push(RowError {
                        line: line_no,
                        reason: problem.reason(),
                    });
                }
            }
        }
    }
    if rows > MAX_ROWS {
        return Err(ImportError::TooManyRows {
            rows: rows + data.count(),
        });
    }
    if rows == 0 {
        return Err(ImportError::NoRows);
    }
    if import.offers.is_empty() {
        return Err(ImportError::NoValidRows {
            skipped: import.skipped,
            errors: import.errors,
        });
    }
    Ok(import)
}

/// `;` when the first line with a `;` or `,` has a `;`, else `,`.
fn detect_delimiter(text: &str) -> u8 {
    text.lines()
        .find_map(|line| {
            line.bytes().find(|&b| b == b';' || b == b',').map(|_| {
                if line.contains(';') {
                    b';'
                } else {
                    b','
                }
            })
        })
        .unwrap_or(b',')
}

/// Where the salary and the offers are in a row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Columns {
    /// The header names one column: the whole line is the salary.
    SalaryOnly,
    /// Salary, then optional offers (also the layout without a header).
    SalaryOffers,
    /// Offers, then salary.
    OffersSalary,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ColumnName {
    Salary,
    Offers,
    Other,
}

fn column_name(field: &str) -> ColumnName {
    let name = field.trim().to_ascii_lowercase();
    if name.contains("salary") {
        ColumnName::Salary
    } else if name.contains("offer") {
        ColumnName::Offers
    } else {
        ColumnName::Other
    }
}

/// `Ok(Some(_))` when `line` is a header, `Ok(None)` when it is data, `Err` for a header that
/// names its columns in a way we cannot use.
fn header_columns(line: &str, delimiter: u8) -> Result<Option<Columns>, String> {
    let Ok(fields) = split_fields(line, delimiter) else {
        return Ok(None);
    };
    let looks_numeric = !matches!(
        read_number(fields.items[0]),
        Err(NumberProblem::Missing | NumberProblem::NotANumber)
    );
    if looks_numeric {
        return Ok(None);
    }
    let names = [column_name(fields.items[0]), column_name(fields.items[1])];
    let recognised = names.iter().any(|name| *name != ColumnName::Other);
    if !recognised {
        // Not a header we understand: read it as a (bad) data row.
        return Ok(None);
    }
    use ColumnName::*;
    match (fields.count, names) {
        (1, [Salary, _]) => Ok(Some(Columns::SalaryOnly)),
        (1, _) => Err("the header names offers but no salary column".to_string()),
        (2, [Salary, Offers] | [Salary, Other] | [Other, Offers]) => {
            Ok(Some(Columns::SalaryOffers))
        }
        (2, [Offers, Salary] | [Offers, Other] | [Other, Salary]) => {
            Ok(Some(Columns::OffersSalary))
        }
        (2, _) => Err(format!(
            "the header names the same column twice (“{}”, “{}”); expected salary and offers",
            shown(fields.items[0].trim()),
            shown(fields.items[1].trim())
        )),
        (count, _) => Err(format!(
            "the header has {count} columns; expected salary and, optionally, offers"
        )),
    }
}

/// The first two fields of a row and how many fields it has.
struct Fields<'a> {
    items: [&'a str; 2],
    count: usize,
}

/// Splits on `delimiter`, honouring simple double-quoted fields (`"$4,500"`).
fn split_fields(line: &str, delimiter: u8) -> Result<Fields<'_>, RowProblem<'_>> {
    let bytes = line.as_bytes();
    let mut items = [""; 2];
    let mut count = 0;
    let mut pos = 0;
    loop {
        let mut start = pos;
        while start < bytes.len() && (bytes[start] == b' ' || bytes[start] == b'\t') {
            start += 1;
        }
        let (field, next) = if bytes.get(start) == Some(&b'"') {
            let close = bytes[start + 1..]
                .iter()
                .position(|&b| b == b'"')
                .map(|i| start + 1 + i)
                .ok_or(RowProblem::UnterminatedQuote)?;
            let mut after = close + 1;
            while after < bytes.len() && (bytes[after] == b' ' || bytes[after] == b'\t') {
                after += 1;
            }
            let next = match bytes.get(after) {
                None => None,
                Some(&b) if b == delimiter => Some(after + 1),
                Some(_) => return Err(RowProblem::TextAfterQuote),
            };
            (&line[start + 1..close], next)
        } else {
            match bytes[pos..].iter().position(|&b| b == delimiter) {
                Some(i) => (&line[pos..pos + i], Some(pos + i + 1)),
                None => (&line[pos..], None),
            }
        };
        if count < 2 {
            items[count] = field;
        }
        count += 1;
        match next {
            Some(next) => pos = next,
            None => break,
        }
    }
    Ok(Fields { items, count })
}

fn parse_row(line: &str, delimiter: u8, columns: Columns) -> Result<Offer, RowProblem<'_>> {
    let (salary, offers) = match columns {
        Columns::SalaryOnly => (unquote(line), ""),
        Columns::SalaryOffers | Columns::OffersSalary => {
            let fields = split_fields(line, delimiter)?;
            if fields.count > 2 {
                return Err(RowProblem::TooManyColumns(fields.count));
            }
            let [a, b] = fields.items;
            match columns {
                Columns::OffersSalary if fields.count == 1 => {
                    return Err(RowProblem::SalaryMissing)
                }
                Columns::OffersSalary => (b, a),
                _ => (a, b),
            }
        }
    };
    Ok(Offer {
        salary: parse_salary(salary)?,
        offers: parse_offer_count(offers)?,
    })
}

/// A single-column line: the text inside surrounding double quotes, if any.
fn unquote(line: &str) -> &str {
    let trimmed = line.trim();
    trimmed
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(trimmed)
}

fn parse_salary(field: &str) -> Result<f64, RowProblem<'_>> {
    let number = read_number(field).map_err(|problem| match problem {
        NumberProblem::Missing => RowProblem::SalaryMissing,
        NumberProblem::NotANumber => RowProblem::SalaryNotNumber(field),
        NumberProblem::NotFinite => RowProblem::SalaryNotFinite(field),
    })?;
    let magnitude =
        crate::number::parse_decimal(number.text()).ok_or(RowProblem::SalaryNotNumber(field))?;
    let value = if number.negative {
        -magnitude
    } else {
        magnitude
    };
    if !value.is_finite() {
        Err(RowProblem::SalaryNotFinite(field))
    } else if value <= 0.0 {
        Err(RowProblem::SalaryNotPositive(field))
    } else if value > MAX_SALARY {
        Err(RowProblem::SalaryTooLarge(field))
    } else {
        Ok(value)
    }
}

fn parse_offer_count(field: &str) -> Result<u64, RowProblem<'_>> {
    let number = match read_number(field) {
        Ok(number) => number,
        Err(NumberProblem::Missing) => return Ok(1),
        Err(NumberProblem::NotANumber | NumberProblem::NotFinite) => {
            return Err(RowProblem::OffersNotNumber(field))
        }
    };
    let text = number.text();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.bytes().any(|b| b != b'0') {
        return Err(RowProblem::OffersNotInteger(field));
    }
    #[expect(clippy::disallowed_methods, reason = "an integer: no float parser")]
    let count = if whole.is_empty() {
        0
    } else {
        whole
            .parse::<u64>()
            .map_err(|_| RowProblem::OffersTooLarge(field))?
    };
    if number.negative && count > 0 {
        return Err(RowProblem::OffersNegative(field));
    }
    Ok(count)
}

/// A number's sign and its digits with at most one `.`, separators and `$` removed.
struct Number {
    negative: bool,
    digits: [u8; MAX_NUMBER_LEN],
    len: usize,
}

impl Number {
    fn text(&self) -> &str {
        // Only ASCII digits and '.' are ever stored.
        std::str::from_utf8(&self.digits[..self.len]).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum NumberProblem {
    Missing,
    NotANumber,
    NotFinite,
}

/// Reads `-$4,500.50`, `$ 4 500`, `4500`: an optional sign and `$`, digits in groups of three
/// when separated by `,` or spaces, an optional `.` fraction. No exponents.
fn read_number(field: &str) -> Result<Number, NumberProblem> {
    let text = field.trim();
    if text.is_empty() {
        return Err(NumberProblem::Missing);
    }
    let mut negative = false;
    let (mut seen_sign, mut seen_dollar) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '-' | '+' if !seen_sign => {
                seen_sign = true;
                negative = c == '-';
            }
            '$' if !seen_dollar => seen_dollar = true,
            c if c.is_whitespace() && (seen_sign || seen_dollar) => {}
            _ => break,
        }
        rest = &rest[c.len_utf8()..];
    }
    if ["nan", "inf", "infinity"]
        .iter()
        .any(|word| rest.eq_ignore_ascii_case(word))
    {
        return Err(NumberProblem::NotFinite);
    }

    let mut number = Number {
        negative,
        digits: [0; MAX_NUMBER_LEN],
        len: 0,
    };
    let mut group = 0usize; // digits since the last separator
    let mut separators = 0usize;
    let mut in_fraction = false;
    let mut any_digit = false;
    let grouping_ok = |separators: usize, group: usize| separators == 0 || group == 3;
    for c in rest.chars() {
        let byte = match c {
            '0'..='9' => {
                any_digit = true;
                group += 1;
                c as u8
            }
            '.' if !in_fraction => {
                if !grouping_ok(separators, group) {
                    return Err(NumberProblem::NotANumber);
                }
                in_fraction = true;
                b'.'
            }
            c if (c == ',' || c.is_whitespace()) && !in_fraction => {
                let first_ok = separators > 0 || (1..=3).contains(&group);
                if group == 0 || !first_ok || !grouping_ok(separators, group) {
                    return Err(NumberProblem::NotANumber);
                }
                separators += 1;
                group = 0;
                continue;
            }
            _ => return Err(NumberProblem::NotANumber),
        };
        if number.len == MAX_NUMBER_LEN {
            return Err(NumberProblem::NotANumber);
        }
        number.digits[number.len] = byte;
        number.len += 1;
    }
    if !any_digit || (!in_fraction && !grouping_ok(separators, group)) {
        return Err(NumberProblem::NotANumber);
    }
    Ok(number)
}

/// Why one row was skipped; formatted only for the rows that are reported.
#[derive(Debug, Clone, PartialEq)]
enum RowProblem<'a> {
    SalaryMissing,
    SalaryNotNumber(&'a str),
    SalaryNotFinite(&'a str),
    SalaryNotPositive(&'a str),
    SalaryTooLarge(&'a str),
    OffersNotNumber(&'a str),
    OffersNotInteger(&'a str),
    OffersNegative(&'a str),
    OffersTooLarge(&'a str),
    TooManyColumns(usize),
    UnterminatedQuote,
    TextAfterQuote,
}

impl RowProblem<'_> {
    fn reason(&self) -> String {
        match self {
            RowProblem::SalaryMissing => "salary is missing".to_string(),
            RowProblem::SalaryNotNumber(v) => {
                format!("salary “{}” is not a number", shown(v.trim()))
            }
            RowProblem::SalaryNotFinite(v) => {
                format!("salary “{}” is not a finite number", shown(v.trim()))
            }
            RowProblem::SalaryNotPositive(v) => {
                format!("salary “{}” is not more than 0", shown(v.trim()))
            }
            RowProblem::SalaryTooLarge(v) => {
                format!("salary “{}” is over 10,000,000", shown(v.trim()))
            }
            RowProblem::OffersNotNumber(v) => {
                format!("offers “{}” is not a number", shown(v.trim()))
            }
            RowProblem::OffersNotInteger(v) => {
                format!("offers “{}” is not a whole number", shown(v.trim()))
            }
            RowProblem::OffersNegative(v) => format!("offers “{}” is negative", shown(v.trim())),
            RowProblem::OffersTooLarge(v) => format!("offers “{}” is too large", shown(v.trim())),
            RowProblem::TooManyColumns(count) => {
                format!("{count} columns; expected salary and, optionally, offers")
            }
            RowProblem::UnterminatedQuote => "a quoted field has no closing quote".to_string(),
            RowProblem::TextAfterQuote => "text after a closing quote".to_string(),
        }
    }
}
