"""PainMap's own names in a FHIR file: the canonical URLs of its questionnaire, code systems
and extensions.

PainMap has no web address of its own, so its names are URNs under ``urn:painmap:fhir``; the
Questionnaire they name travels in the same Bundle, so nothing needs to be looked up.
"""

BASE = "urn:painmap:fhir"
QUESTIONNAIRE = f"{BASE}:Questionnaire:pain-map"
QUESTIONNAIRE_VERSION = "1"
VIEW_SYSTEM = f"{BASE}:CodeSystem:view"
LANDMARK_SYSTEM = f"{BASE}:CodeSystem:landmark"
SPOT = f"{BASE}:StructureDefinition:spot"
"""An Observation's exact place on PainMap's atlas: view, and x, y (a mark) or the vertices of
an area, in millimetres in the side's own frame. It lets the map be read back exactly."""
MAP_VIEW = f"{BASE}:StructureDefinition:map-view"
"""On the QuestionnaireResponse: the view that was open and the pattern chosen, if any."""
