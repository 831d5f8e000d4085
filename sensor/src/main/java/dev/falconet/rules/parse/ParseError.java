package dev.falconet.rules.parse;

import dev.falconet.rules.ast.Pos;

/** Why a condition did not parse, and where: Falco's parser message and the position it stopped at. */
public record ParseError(String message, Pos pos) {}
