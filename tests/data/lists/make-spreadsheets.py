#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes vendor.xlsx and vendor.ods, the spreadsheets the import tests read:
# minimal files as Excel and LibreOffice save them (shared and inline
# strings, a date format, a second sheet that is no list; date values,
# repeated empty cells and rows to the sheet's end).
#   make-spreadsheets.py   (in this directory)
import datetime, zipfile

def serial(day):
    return (day - datetime.date(1899, 12, 30)).days

def zip_write(name, parts):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for path, text in parts:
            info = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if path == 'mimetype' else zipfile.ZIP_DEFLATED
            z.writestr(info, text)

shared = ['Sub-processor', 'Country', 'Transfer mechanism', 'Date added', 'Description',
          'Amazon Web Services EMEA SARL', 'Ireland', 'EU SCCs', 'Hosting',
          'Zendesk, Inc.', 'United States', 'EU-US DPF; SCCs']
sst = ''.join('<si><t>%s</t></si>' % s for s in shared)
def s(i, ref): return '<c r="%s" t="s"><v>%d</v></c>' % (ref, i)
def d(day, ref): return '<c r="%s" s="1"><v>%d</v></c>' % (ref, serial(day))
def inline(text, ref): return '<c r="%s" t="inlineStr"><is><r><t>%s</t></r><r><t xml:space="preserve"> %s</t></r></is></c>' % ((ref,) + tuple(text.split(' ', 1)))
sheet1 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  '<row r="1">' + s(0, 'A1') + s(1, 'B1') + s(2, 'C1') + s(3, 'D1') + s(4, 'E1') + '</row>'
  '<row r="2">' + s(5, 'A2') + s(6, 'B2') + s(7, 'C2') + d(datetime.date(2026, 3, 1), 'D2') + s(8, 'E2') + '</row>'
  '<row r="4">' + s(9, 'A4') + s(10, 'B4') + s(11, 'C4') + d(datetime.date(2019, 12, 31), 'D4') + inline('Customer support', 'E4') + '</row>'
  '<row r="5"><c r="A5" t="inlineStr"><is><t>Elastx AB</t></is></c><c r="B5" t="inlineStr"><is><t>Sweden</t></is></c>'
  '<c r="D5" t="str"><v>2026-02-14</v></c><c r="E5"><v>42</v></c></row>'
  '</sheetData></worksheet>')
sheet2 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Change</t></is></c></row>'
  '<row r="2"><c r="A2" s="1"><v>46000</v></c><c r="B2" t="inlineStr"><is><t>Added Elastx AB</t></is></c></row>'
  '</sheetData></worksheet>')
zip_write('vendor.xlsx', [
  ('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  ('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
     '<sheet name="Sub-processors" sheetId="1" r:id="rId1"/><sheet name="Change log" sheetId="2" r:id="rId2"/></sheets></workbook>'),
  ('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
     '</Relationships>'),
  ('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
     '<numFmts count="1"><numFmt numFmtId="164" formatCode="d\\.\\ mmm\\ yyyy"/></numFmts>'
     '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'),
  ('xl/sharedStrings.xml', '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + sst + '</sst>'),
  ('xl/worksheets/sheet1.xml', sheet1),
  ('xl/worksheets/sheet2.xml', sheet2),
])

T = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
def cell(text): return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % text
def date_cell(iso, shown): return '<table:table-cell office:value-type="date" office:date-value="%s"><text:p>%s</text:p></table:table-cell>' % (iso, shown)
empty_to_end = '<table:table-cell table:number-columns-repeated="16380"/>'
content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content ' + T + '><office:body><office:spreadsheet>'
  '<table:table table:name="Underbiträden">'
  '<table:table-row>' + cell('Underbiträde') + cell('Land') + cell('Rättslig grund') + cell('Senast uppdaterad') + empty_to_end + '</table:table-row>'
  '<table:table-row>' + cell('Fortnox AB') + cell('Sverige') + cell('Ej tillämpligt') + date_cell('2026-01-15', '15 jan 2026') + empty_to_end + '</table:table-row>'
  '<table:table-row>' + cell('Microsoft Ireland Operations Ltd') + cell('Irland och<text:s/>Nederländerna') + cell('Standardavtalsklausuler') + date_cell('2020-10-07T00:00:00', '7 okt 2020') + empty_to_end + '</table:table-row>'
  '<table:table-row table:number-rows-repeated="1048573">' + empty_to_end + '</table:table-row>'
  '</table:table></office:spreadsheet></office:body></office:document-content>')
zip_write('vendor.ods', [
  ('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
  ('content.xml', content),
])

# a cell larger than Subproc reads (2 MB), which the ZIP makes small
huge = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content ' + T + '><office:body><office:spreadsheet>'
  '<table:table table:name="Huge"><table:table-row>' + cell('Name') + cell('Description') + '</table:table-row>'
  '<table:table-row>' + cell('A') + cell('x' * (2 * 1024 * 1024)) + '</table:table-row>'
  '</table:table></office:spreadsheet></office:body></office:document-content>')
zip_write('huge-cell.ods', [
  ('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
  ('content.xml', huge),
])
