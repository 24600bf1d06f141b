//! The diagnostic survey (issue 19): a synthetic cluster's answers, written
//! as KoboToolbox and ODK Central export them, read back to its attributes;
//! every way a response file is refused; the commands.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cluster_workbench::attribute::Attribute;
use cluster_workbench::survey::{Instrument, ResponsesError, SurveyResult, import};
use common::survey::{
    SHAPES, Shape, TRUE_VALUES, export, export_xlsx, form_version, respondents, table,
};

/// How far the survey's value may lie from the cluster's true one, with 50
/// respondents whose own levels scatter by 0.15 and one answer in ten left
/// blank: about three standard errors of the mean (0.15/√50 = 0.021).
const TOLERANCE: f64 = 0.06;

fn instrument() -> Instrument {
    Instrument::shipped().unwrap()
}

fn assert_recovers(result: &SurveyResult, what: &str) {
    assert_eq!(result.respondents, 50, "{what}");
    for (id, truth) in TRUE_VALUES {
        let a = Attribute::from_id(id).unwrap();
        let e = result.estimates.iter().find(|e| e.attribute == a).unwrap();
        let value = e
            .value
            .unwrap_or_else(|| panic!("{what}: no value for {id}"));
        assert!(
            (value - truth).abs() <= TOLERANCE,
            "{what}: {id} came back {value:.3}, the cluster's is {truth}"
        );
        assert!(e.n >= 45 && e.n <= 50, "{what}: {id} from {} firms", e.n);
        assert!(
            (0.05..=0.3).contains(&e.spread),
            "{what}: {id} spread {}",
            e.spread
        );
        assert_eq!(e.unreadable, 0, "{what}: {id}");
    }
}

#[test]
fn every_export_shape_gives_back_the_synthetic_cluster() {
    let answers = respondents(50, 0.1, 19);
    for shape in SHAPES {
        let result = import(&instrument(), &export(shape, &answers))
            .unwrap_or_else(|e| panic!("{shape:?}: {e}"));
        assert_recovers(&result, &format!("{shape:?}"));
        assert_eq!(
            result.latest_day.as_deref(),
            Some("2026-11-28"),
            "{shape:?}"
        );
    }
    let result = import(&instrument(), &export_xlsx(&answers)).unwrap();
    assert_recovers(&result, "Kobo XLSX");
    // Its dates are date cells, read back as days.
    assert_eq!(result.latest_day.as_deref(), Some("2026-11-28"));
}

#[test]
fn the_round_trip_can_fail() {
    // The same answers, scored as if the cluster were another: a test of
    // the tolerance, that it does not pass everything.
    let answers = respondents(50, 0.1, 19);
    let bytes = String::from_utf8(export(Shape::OdkCentral, &answers)).unwrap();
    // Everyone says their sales are much higher: market dynamism rises.
    let lifted = bytes
        .replace(",much_lower,", ",much_higher,")
        .replace(",lower,", ",much_higher,")
        .replace(",same,", ",much_higher,");
    let result = import(&instrument(), lifted.as_bytes()).unwrap();
    let e = &result.estimates[0];
    assert_eq!(e.attribute, Attribute::MarketDynamism);
    assert!(e.value.unwrap() > 0.30 + TOLERANCE, "{e:?}");
}

#[test]
fn answers_the_form_could_not_give_are_counted_not_scored() {
    let mut answers = respondents(50, 0.0, 7);
    let q = instrument()
        .questions
        .iter()
        .position(|q| q.name == "buyer_standards")
        .unwrap();
    answers[3][q] = "iso_9000".into();
    answers[4][q] = "none audits_maybe".into();
    let pct = instrument()
        .questions
        .iter()
        .position(|q| q.name == "sales_outside_pct")
        .unwrap();
    answers[5][pct] = "140".into();
    for shape in [Shape::KoboSemicolon, Shape::OdkCentral] {
        let result = import(&instrument(), &export(shape, &answers)).unwrap();
        let of = |a| result.estimates.iter().find(|e| e.attribute == a).unwrap();
        assert_eq!(
            of(Attribute::DemandForImprovement).unreadable,
            2,
            "{shape:?}"
        );
        assert_eq!(of(Attribute::ExternalBuyers).unreadable, 1, "{shape:?}");
        assert_eq!(of(Attribute::MarketDynamism).unreadable, 0, "{shape:?}");
    }
}

#[test]
fn an_attribute_nobody_answered_has_no_value() {
    let mut answers = respondents(10, 0.0, 3);
    let on: Vec<usize> = instrument()
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.attribute == Attribute::PublicSupport)
        .map(|(i, _)| i)
        .collect();
    for r in &mut answers {
        for &i in &on {
            r[i].clear();
        }
    }
    let result = import(&instrument(), &export(Shape::KoboSemicolon, &answers)).unwrap();
    let e = result
        .estimates
        .iter()
        .find(|e| e.attribute == Attribute::PublicSupport)
        .unwrap();
    assert_eq!((e.value, e.n), (None, 0));
    assert!(!result.answered().contains(&Attribute::PublicSupport));
}

/// A Central export with one cell changed, by header and row (1 = header).
fn central_with(row: usize, header: &str, value: &str) -> Vec<u8> {
    let (head, mut rows) = table(Shape::OdkCentral, &respondents(5, 0.0, 5));
    let c = head.iter().position(|h| h == header).unwrap();
    rows[row - 2][c] = value.to_owned();
    let mut out = head.join(",");
    for r in rows {
        out.push('\n');
        out.push_str(&common::survey::quote_needed(&r));
    }
    out.into_bytes()
}

fn refused(bytes: &[u8]) -> String {
    let e = import(&instrument(), bytes).expect_err("the file is refused");
    e.to_string()
}

#[test]
fn text_where_a_number_belongs_is_refused_by_row_and_column() {
    let why = refused(&central_with(4, "markets-sales_outside_pct", "about half"));
    // The column letters counted by hand: SubmissionDate, start, end, today,
    // cw_form_version, intro, respondent_role, then the markets group's
    // sales_trend, new_designs_asked, sales_outside_pct (the 10th, J).
    assert!(why.contains("row 4"), "{why}");
    assert!(why.contains("J (markets-sales_outside_pct)"), "{why}");
    assert!(why.contains("\"about half\""), "{why}");
}

#[test]
fn another_version_of_the_form_is_refused_by_row_and_column() {
    let why = refused(&central_with(3, "cw_form_version", "2025010101"));
    assert!(why.contains("row 3"), "{why}");
    assert!(why.contains("E (cw_form_version)"), "{why}");
    assert!(
        why.contains("2025010101") && why.contains(&form_version()),
        "{why}"
    );
}

#[test]
fn a_file_of_another_form_is_refused_naming_the_missing_column() {
    let why = refused(b"SubmissionDate,name,age,KEY\n2026-01-01T00:00:00.000Z,Ana,34,uuid:1\n");
    assert!(why.contains("\"sales_trend\""), "{why}");
    assert!(why.contains("cluster_diagnostic"), "{why}");
}

#[test]
fn a_labels_export_is_told_to_export_names() {
    let (head, rows) = table(Shape::KoboSemicolon, &respondents(3, 0.0, 1));
    let survey = common::survey::survey();
    let label = survey["questions"][0]["label"]["en"].as_str().unwrap();
    let head: Vec<String> = head
        .into_iter()
        .map(|h| {
            if h == "sales_trend" {
                label.to_owned()
            } else {
                h
            }
        })
        .collect();
    let mut text = head.join(";");
    for r in rows {
        text.push('\n');
        text.push_str(&r.join(";"));
    }
    let why = refused(text.as_bytes());
    assert!(why.contains("XML values and headers"), "{why}");
}

#[test]
fn a_question_in_two_columns_is_refused() {
    let (mut head, rows) = table(Shape::KoboSemicolon, &respondents(2, 0.0, 1));
    let i = head.iter().position(|h| h == "_notes").unwrap();
    head[i] = "markets/sales_trend".into();
    let mut text = head.join(";");
    for r in rows {
        text.push('\n');
        text.push_str(&r.join(";"));
    }
    let e = import(&instrument(), text.as_bytes()).unwrap_err();
    assert!(matches!(e, ResponsesError::DuplicateColumn { .. }), "{e}");
    assert!(e.to_string().contains("markets/sales_trend"), "{e}");
}

#[test]
fn empty_short_ragged_and_foreign_files_are_refused() {
    assert_eq!(import(&instrument(), b""), Err(ResponsesError::Empty));
    assert_eq!(
        import(&instrument(), b" \r\n\n"),
        Err(ResponsesError::Empty)
    );
    let (head, _) = table(Shape::OdkCentral, &[]);
    let only_header = head.join(",");
    assert_eq!(
        import(&instrument(), only_header.as_bytes()),
        Err(ResponsesError::NoResponses)
    );
    let ragged = format!("{only_header}\n1,2,3\n");
    assert!(matches!(
        import(&instrument(), ragged.as_bytes()),
        Err(ResponsesError::Ragged {
            row: 2,
            found: 3,
            ..
        })
    ));
    assert!(matches!(
        import(&instrument(), b"a,b\n\xff\xfe,1\n"),
        Err(ResponsesError::NotUtf8 { at: 4 })
    ));
    // A ZIP archive that is not a workbook.
    assert!(matches!(
        import(&instrument(), b"PK\x03\x04 not really a workbook"),
        Err(ResponsesError::NotWorkbook { .. })
    ));
    // A preset is not an export.
    let preset = common::shipped_text("teaching-case.json");
    assert_eq!(
        import(&instrument(), preset.as_bytes()),
        Err(ResponsesError::Json)
    );
}

#[test]
fn an_excel_byte_order_mark_is_read_past() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(export(Shape::KoboSemicolon, &respondents(50, 0.1, 19)));
    assert!(import(&instrument(), &bytes).is_ok());
}

/// An export of `shape` with cells changed: (row counted from 0 among the
/// responses, header, value).
fn changed(
    shape: Shape,
    answers: &[common::survey::Respondent],
    edits: &[(usize, &str, &str)],
) -> Vec<u8> {
    let (head, mut rows) = table(shape, answers);
    for (row, header, value) in edits {
        let c = head
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("{header}"));
        rows[*row][c] = (*value).to_owned();
    }
    let sep = if shape == Shape::KoboSemicolon {
        ";"
    } else {
        ","
    };
    let mut out = common::survey::quote_needed(&head).replace(',', sep);
    for r in rows {
        out.push('\n');
        out.push_str(&if sep == ";" {
            r.join(";")
        } else {
            common::survey::quote_needed(&r)
        });
    }
    out.into_bytes()
}

#[test]
fn second_copies_and_rejected_submissions_are_left_out_and_counted() {
    let answers = respondents(6, 0.0, 4);
    let key = "uuid:00000000-aaaa-bbbb-cccc-dddddddddddd";
    let bytes = changed(
        Shape::OdkCentral,
        &answers,
        &[(3, "KEY", key), (4, "ReviewState", "rejected")],
    );
    let result = import(&instrument(), &bytes).unwrap();
    assert_eq!(
        (result.respondents, result.duplicates, result.rejected),
        (4, 1, 1)
    );
    let said = result.left_out().unwrap();
    assert!(said.contains('1'), "{said}");
    // None left out, nothing said.
    let result = import(&instrument(), &export(Shape::OdkCentral, &answers)).unwrap();
    assert_eq!(result.left_out(), None);
    // Kobo's "not approved", by its value.
    let bytes = changed(
        Shape::KoboCommaGroups,
        &answers,
        &[(0, "_validation_status", "validation_status_not_approved")],
    );
    assert_eq!(import(&instrument(), &bytes).unwrap().rejected, 1);
}

#[test]
fn a_legacy_answer_with_every_option_false_chose_none() {
    // Kobo's legacy CSV has no summary column: every option False is an
    // answer that chose nothing, which a sum scores 0; every option n/a is
    // no answer.
    let answers = respondents(3, 0.0, 8);
    let survey = common::survey::survey();
    let q = survey["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["name"] == "services_used")
        .unwrap();
    let options: Vec<String> = q["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("knowledge/services_used/{}", c["name"].as_str().unwrap()))
        .collect();
    let mut edits: Vec<(usize, &str, &str)> = Vec::new();
    for o in &options {
        edits.push((0, o, "False"));
        edits.push((1, o, "n/a"));
        edits.push((2, o, "False"));
    }
    // The other question on public support left out for all three.
    for r in 0..3 {
        edits.push((r, "knowledge/support_nearby", "n/a"));
    }
    let result = import(&instrument(), &changed(Shape::KoboLegacy, &answers, &edits)).unwrap();
    let e = result
        .estimates
        .iter()
        .find(|e| e.attribute == Attribute::PublicSupport)
        .unwrap();
    assert_eq!((e.value, e.n), (Some(0.0), 2));
}

#[test]
fn a_workbook_that_claims_a_huge_sheet_is_refused_before_it_is_read() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "start").unwrap();
    sheet.write_string(1_048_575, 16_383, "far").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert!(bytes.len() < 20_000);
    assert!(matches!(
        import(&instrument(), &bytes),
        Err(ResponsesError::SheetTooLarge { .. })
    ));
}

#[test]
fn a_workbook_not_starting_at_column_a_names_the_columns_it_shows() {
    let (head, rows) = table(Shape::KoboSemicolon, &respondents(3, 0.0, 3));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    // Two empty columns, then the export.
    for (c, h) in head.iter().enumerate() {
        sheet.write_string(0, c as u16 + 2, h).unwrap();
    }
    let version = head.iter().position(|h| h == "cw_form_version").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let value = if c == version && r == 1 {
                "1999010101"
            } else {
                cell
            };
            if !value.is_empty() {
                sheet
                    .write_string(r as u32 + 1, c as u16 + 2, value)
                    .unwrap();
            }
        }
    }
    let why = import(&instrument(), &book.save_to_buffer().unwrap())
        .unwrap_err()
        .to_string();
    // cw_form_version is the export's 4th column: D, moved two to F.
    assert!(why.contains("row 3, column F (cw_form_version)"), "{why}");
}

#[test]
fn a_workbook_that_declares_too_many_texts_is_refused_before_it_is_opened() {
    use std::io::{Read, Write};
    // A workbook with shared strings (as Excel and rust_xlsxwriter write
    // them), which reads.
    let bytes = export_xlsx(&respondents(50, 0.1, 19));
    assert_eq!(import(&instrument(), &bytes).unwrap().respondents, 50);
    let mut changed = false;
    // The same workbook, its shared strings declaring four billion.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut content = Vec::new();
        part.read_to_end(&mut content).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(content).unwrap();
            let start = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = start + text[start..].find('"').unwrap();
            content = format!("{}4000000000{}", &text[..start], &text[end..]).into_bytes();
            changed = true;
        }
        out.start_file(name, stored).unwrap();
        out.write_all(&content).unwrap();
    }
    assert!(changed, "the workbook has no shared strings");
    let hostile = out.finish().unwrap().into_inner();
    let refused = import(&instrument(), &hostile);
    assert!(
        matches!(refused, Err(ResponsesError::TooManyCells { .. })),
        "{refused:?}"
    );
}
