// A scene that branches on the world's state: phase(who, day) is answered by the Scentline engine
// from scentline.yaml (see game.mjs). Day 1 is the story's start date; the state is read at noon.
EXTERNAL phase(who, day)
VAR day = 1

-> roster

=== roster ===
Day {day}. Sable checks the infirmary roster.
{ phase("kestrel", day):
- "heat":
    Kestrel is in heat and off the roster until it ends.
    -> cover
- "pre-heat":
    Kestrel reports early signs of heat. Sable shortens her shift.
    -> patrol
- else:
    Kestrel reports fit for duty.
    -> patrol
}

=== patrol ===
Kestrel takes the morning patrol.
-> END

=== cover ===
Corin takes the morning patrol in her place.
-> END

// Used when no game binds phase (in an ink editor, say): no one is in a cycle.
=== function phase(who, d) ===
~ return ""
