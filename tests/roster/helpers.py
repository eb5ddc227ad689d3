"""Builders for roster files in tests."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

HEADERS = ["STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Lớp", "Khối",
           "Hộ nghèo/cận nghèo", "Họ tên cha/mẹ", "SĐT", "Email"]


def student(n, klass="10A1", **over):
    row = {"Mã học sinh": f"HS{n:05d}", "Họ và tên": f"Nguyễn Văn An {chr(65 + n % 26)}",
           "Ngày sinh": "05/09/2010", "Giới tính": "Nam" if n % 2 else "Nữ", "Dân tộc": "Kinh",
           "Lớp": klass, "Khối": "10", "Hộ nghèo/cận nghèo": "", "Họ tên cha/mẹ": "Nguyễn Văn Bố",
           "SĐT": "0912345678", "Email": ""}
    row.update(over)
    return row


def xlsx_bytes(rows, headers=HEADERS, title_rows=()):
    wb = Workbook()
    ws = wb.active
    for title in title_rows:
        ws.append(title)
    ws.append(headers)
    for i, row in enumerate(rows, start=1):
        ws.append([i if h == "STT" else row.get(h, "") for h in headers])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(rows, headers=HEADERS, encoding="utf-8-sig", delimiter=","):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    for i, row in enumerate(rows, start=1):
        writer.writerow([i if h == "STT" else row.get(h, "") for h in headers])
    return out.getvalue().encode(encoding)


def upload(content: bytes, name="danh-sach.xlsx"):
    return SimpleUploadedFile(name, content)
