"""Spreadsheets in and out: CSV and XLSX files read into rows, and tables written safely."""
