//! A response export as a table of text cells: CSV as KoboToolbox (`;` or
//! `,`, every field quoted, CRLF) and ODK Central (`,`, quoted where needed,
//! LF) write it, or the first sheet of an XLSX workbook. Nothing here knows
//! the form; [`super::responses`] maps the columns to questions.

use super::ResponsesError;

/// The largest response file read, in bytes.
pub const MAX_RESPONSES_BYTES: usize = 50 * 1024 * 1024;

/// The header and the rows of an export. Rows are numbered as a
/// spreadsheet shows them: the header is row 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Each row with its number in the file.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads an export: a workbook when the bytes are a ZIP archive (an XLSX
/// file is one), else CSV.
pub fn read(bytes: &[u8]) -> Result<Table, ResponsesError> {
    if bytes.len() > MAX_RESPONSES_BYTES {
        return Err(ResponsesError::TooLarge {
            max_mb: MAX_RESPONSES_BYTES / (1024 * 1024),
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ResponsesError::Empty);
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if matches!(first, Some(b'{' | b'[')) {
        return Err(ResponsesError::Json);
    }
    let table = if bytes.starts_with(b"PK\x03\x04") {
        workbook(bytes)?
    } else {
        csv_table(bytes)?
    };
    Ok(without_tag_row(table))
}

/// Which of `;` and `,` separates the header's fields, counted outside
/// quotes: Kobo writes `;` by default and `,` in its legacy export, ODK
/// Central `,`, so it is read, not assumed.
pub fn separator(header_line: &str) -> u8 {
    let (mut quoted, mut semicolons, mut commas) = (false, 0, 0);
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

fn csv_table(bytes: &[u8]) -> Result<Table, ResponsesError> {
    // Excel adds a byte order mark when it saves CSV; the exports do not.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ResponsesError::NotUtf8 {
        at: e.valid_up_to(),
    })?;
    let first_line = text.lines().next().unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(first_line))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers = match records.next() {
        Some(Ok(r)) => r.iter().map(|h| h.trim().to_owned()).collect::<Vec<_>>(),
        Some(Err(e)) => {
            return Err(ResponsesError::NotCsv {
                reason: e.to_string(),
            });
        }
        None => return Err(ResponsesError::Empty),
    };
    let mut rows = Vec::new();
    for (i, record) in records.enumerate() {
        let row = i + 2;
        let record = record.map_err(|e| ResponsesError::NotCsv {
            reason: e.to_string(),
        })?;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if cells.len() != headers.len() {
            return Err(ResponsesError::Ragged {
                row,
                found: cells.len(),
                expected: headers.len(),
            });
        }
        rows.push((row, cells));
    }
    Ok(Table { headers, rows })
}

#[cfg(not(target_arch = "wasm32"))]
fn workbook(bytes: &[u8]) -> Result<Table, ResponsesError> {
    use calamine::{Data, Reader, Xlsx};
    let not = |e: &dyn std::fmt::Display| ResponsesError::NotWorkbook {
        reason: e.to_string(),
    };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| not(&e))?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| not(&e))?,
        None => return Err(ResponsesError::Empty),
    };
    let text = |d: &Data| match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    };
    let mut lines = range.rows();
    let headers: Vec<String> = match lines.next() {
        Some(r) => r.iter().map(|d| text(d).trim().to_owned()).collect(),
        None => return Err(ResponsesError::Empty),
    };
    // The sheet's first used row may not be row 1.
    let first = range.start().map_or(0, |(r, _)| r as usize);
    let rows = lines
        .enumerate()
        .map(|(i, r)| (first + i + 2, r.iter().map(text).collect::<Vec<_>>()))
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    Ok(Table { headers, rows })
}

#[cfg(target_arch = "wasm32")]
fn workbook(_bytes: &[u8]) -> Result<Table, ResponsesError> {
    Err(ResponsesError::WorkbookInBrowser)
}

/// Kobo writes a second header row of HXL tags when the form has them:
/// every cell empty or a `#tag`.
fn without_tag_row(mut table: Table) -> Table {
    let is_tags = |cells: &[String]| {
        cells.iter().any(|c| c.starts_with('#'))
            && cells.iter().all(|c| c.is_empty() || c.starts_with('#'))
    };
    if table.rows.first().is_some_and(|(_, cells)| is_tags(cells)) {
        table.rows.remove(0);
    }
    table
}

/// A column's letters as a spreadsheet shows them: 0 → A, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_read_outside_quotes() {
        assert_eq!(separator("\"a\";\"b,c\";\"d\""), b';');
        assert_eq!(separator("SubmissionDate,a,\"b;c\",KEY"), b',');
    }

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27 * 26), "AAA");
    }

    #[test]
    fn a_row_with_a_cell_too_many_is_named() {
        let e = read(b"a,b\n1,2\n1,2,3\n").unwrap_err();
        assert_eq!(
            e,
            ResponsesError::Ragged {
                row: 3,
                found: 3,
                expected: 2
            }
        );
    }
}
