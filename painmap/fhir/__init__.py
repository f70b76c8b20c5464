"""The FHIR file: a pain map as an HL7 FHIR R5 Bundle, written and read back.

:func:`~painmap.fhir.bundle.bundle_json` writes a session (each mark and area an Observation
with its BodyStructure, the answers a QuestionnaireResponse, the handout a DocumentReference
when asked); :func:`~painmap.fhir.reading.read_bundle` reads such a file back into a session.
Codes come from ``data/fhir_codes.yaml`` (:mod:`painmap.fhir.codes`). PainMap only writes the
file: it never sends it anywhere.
"""
