"""Validates JUnit XML against an XSD with xmlschema; prints `ok` or the reason, exits 1 if invalid.

usage: validate_junit.py SCHEMA.xsd REPORT.xml
"""
import sys

import xmlschema

schema = xmlschema.XMLSchema(sys.argv[1])
try:
    schema.validate(sys.argv[2])
except Exception as error:
    print(f"invalid: {error}")
    sys.exit(1)
print("ok")
