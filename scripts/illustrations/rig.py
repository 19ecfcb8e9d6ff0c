"""A tiny 2-D rig for Unknot's exercise illustrations.

One stick-and-capsule figure with fixed proportions. A pose is a handful of
joint angles plus a root position (see poses.yaml); forward kinematics turns
it into named points, `check_pose` holds every pose to the same anatomical
limits, and `render_svg` draws figure and props in one shared style.

Angles are degrees, 0 = pointing right, 90 = pointing up (maths convention);
the SVG's y axis points down, which `direction` takes care of. The figure
faces right; its right side is the near side (drawn darker, in front).

Pure standard library on purpose: the assets are rebuilt by a script, not by
the app, and should not drag a drawing library into the project.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Point = tuple[float, float]
FootPoints = tuple[Point, Point, Point]  # ball, toe tip, heel
Spec = dict[str, Any]

# --- Canvas ---------------------------------------------------------------
# One canvas for every picture so the app can cross-fade A -> B in place.
WIDTH = 400
HEIGHT = 300
FLOOR_Y = 272.0

# --- Proportions (px); a standing figure is ~232 px tall ----------------
HEAD_R = 15.0
NECK = 9.0
TORSO = 68.0  # hip joint to the base of the neck
SHOULDER_DROP = 7.0  # the arm hangs from a little below the neck base
UPPER_ARM = 44.0
FOREARM = 40.0
HAND = 11.0
THIGH = 56.0
SHIN = 54.0
HEEL_BACK = 6.0  # heel sits behind the shin axis...
SOLE_DROP = 10.0  # ...and below the ankle, so a flat foot puts the ankle 10 px up
BALL_FWD = 22.0  # ankle to the ball of the foot, along the sole
TOES = 9.0

# --- Stroke widths -------------------------------------------------------
TORSO_W = 30.0
LEG_W = 16.0
ARM_W = 12.0
NECK_W = 11.0
FOOT_W = 11.0
TOE_W = 7.0
HAND_W = 10.0
OUTLINE_W = 1.6  # outline thickness on each side of a limb
PROP_W = 3.0  # every prop line uses this width

# A foot is "on the floor" when its sole stroke touches the floor line.
GROUND_Y = FLOOR_Y - FOOT_W / 2 - PROP_W / 2

# --- Palette -------------------------------------------------------------
# The figure has to read on #f4f2ee, #202124 and the relief screen's night #120e0b, where
# the app draws pictures at 55% opacity. The fills are light enough for about 3:1 against
# that night background (the outline carries the shape on the light one); the dark
# outline only thins the figure at night.
NEAR = "#93a9bf"  # slate: torso, head and the near (right) limbs
FAR = "#c2ccd6"  # desaturated, lighter slate: the far (left) limbs
OUTLINE = "#34404d"
ACCENT = "#ee8c70"  # the one muscle being worked
PROP = "#ada395"  # warm grey, every prop
PROP_FILL_OPACITY = 0.3
BAND = "#c8b69a"  # towel / sheet band: a lighter warm grey so it shows on the leg
SHEET = "#b4a895"  # bedsheet: opaque, so the legs read as under it; mid-tone for night

# --- Anatomy limits, in joint terms (not world angles) --------------------
LIMITS: dict[str, tuple[float, float]] = {
    "hip": (-35.0, 150.0),  # flexion; negative = extension behind the body
    "knee": (-1.0, 150.0),  # flexion; never hyper-extended
    "ankle": (-55.0, 35.0),  # + dorsiflexion (toes up), - plantarflexion
    "toes": (-45.0, 70.0),  # + toes bent up (tiptoe), - curled
    "shoulder": (-70.0, 190.0),
    "elbow": (-1.0, 155.0),
    "head": (-40.0, 50.0),
}
STRAIGHT_KNEE = 4.0  # at most this much flexion still reads as a straight knee
BENT_KNEE = 12.0


def direction(angle: float) -> Point:
    """Unit vector for a maths-convention angle in SVG (y-down) space."""
    rad = math.radians(angle)
    return (math.cos(rad), -math.sin(rad))


def offset(p: Point, angle: float, length: float) -> Point:
    d = direction(angle)
    return (p[0] + d[0] * length, p[1] + d[1] * length)


def angle_of(a: Point, b: Point) -> float:
    """World angle of the vector a -> b."""
    return math.degrees(math.atan2(-(b[1] - a[1]), b[0] - a[0]))


def norm_angle(a: float) -> float:
    """Wrap to (-180, 180] so joint angles compare sanely."""
    a = (a + 180.0) % 360.0 - 180.0
    return 180.0 if a == -180.0 else a


def coord(value: Any) -> float:
    """A coordinate from pose data; "floor" means a sole resting on the floor."""
    if value == "floor":
        return GROUND_Y
    return float(value)


def point_of(value: Any) -> Point:
    return (coord(value[0]), coord(value[1]))


@dataclass
class Figure:
    """The posed figure: named points, joint angles for checks, drawing flags."""

    points: dict[str, Point] = field(default_factory=dict)
    joints: dict[str, float] = field(default_factory=dict)
    chest: float = 1.0
    face: float = 0.0  # world angle the face looks towards (for the eye)
    eyes: str = "none"  # "none" | "open" | "closed"
    toe_size: float = 1.0  # toe length factor: > 1 only where the toes are the exercise
    highlight: list[tuple[str, str]] = field(default_factory=list)

    def shift(self, dx: float, dy: float) -> None:
        self.points = {k: (x + dx, y + dy) for k, (x, y) in self.points.items()}


# --- Kinematics ------------------------------------------------------------


def two_bone(
    root: Point, target: Point, upper: float, lower: float, bend: float
) -> tuple[float, float]:
    """World angles (upper, lower) reaching `target`; bend=+1 puts the middle
    joint on the counter-clockwise side of root->target (a knee in front of a
    standing leg), bend=-1 on the other (an elbow pointing down/back)."""
    dist = math.dist(root, target)
    dist = min(max(dist, abs(upper - lower) + 0.01), upper + lower - 0.01)
    phi = angle_of(root, target)
    cos_a = (upper**2 + dist**2 - lower**2) / (2 * upper * dist)
    alpha = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    upper_angle = phi + bend * alpha
    mid = offset(root, upper_angle, upper)
    return upper_angle, angle_of(mid, target)


def _foot_points(fig: Figure, side: str, shin_angle: float, ankle: float, toes: float) -> None:
    """Heel, ball and toe tip: separate points so heel-down/up and
    pointed/pulled-up toes read clearly."""
    a = fig.points[f"{side}_ankle"]
    toe_len = TOES * fig.toe_size
    foot = shin_angle + 90.0 + ankle  # foot at 90 deg to the shin when ankle == 0
    sole = foot - 90.0
    heel = offset(offset(a, foot, -HEEL_BACK), sole, SOLE_DROP)
    ball = offset(offset(a, foot, BALL_FWD), sole, SOLE_DROP)
    fig.points[f"{side}_heel"] = heel
    fig.points[f"{side}_ball"] = ball
    if toes >= 0:  # straight toes, bent up at the ball (tiptoe, toes lifted)
        knuckle = offset(ball, foot + toes, toe_len / 2)
        tip = offset(knuckle, foot + toes, toe_len / 2)
    else:  # curled: knuckles rise and the tips hook down, like gripping a towel
        knuckle = offset(ball, foot - toes * 0.9, toe_len * 0.6)
        tip = offset(knuckle, foot + toes * 1.7, toe_len * 0.6)
    fig.points[f"{side}_knuckle"] = knuckle
    fig.points[f"{side}_toe"] = tip
    fig.joints[f"{side}_ankle"] = ankle
    fig.joints[f"{side}_toes"] = toes


def _leg(fig: Figure, side: str, leg: Spec, torso_down: float) -> None:
    """Legs are authored with the thigh's world angle (legs relate to the
    floor, so a hip hinge does not swing them); hip flexion is derived."""
    hip = fig.points["hip"]
    if "ankle_at" in leg:
        thigh, shin = two_bone(hip, point_of(leg["ankle_at"]), THIGH, SHIN, leg.get("bend", 1))
        knee_flex = norm_angle(thigh - shin)
    else:
        thigh = float(leg["thigh"])
        knee_flex = float(leg.get("knee", 0.0))
        shin = thigh - knee_flex
    knee = offset(hip, thigh, THIGH)
    fig.points[f"{side}_knee"] = knee
    fig.points[f"{side}_ankle"] = offset(knee, shin, SHIN)
    if "foot" in leg:  # a world foot angle, e.g. 0 = sole flat on the floor
        ankle = norm_angle(float(leg["foot"]) - shin - 90.0)
    else:
        ankle = float(leg.get("ankle", 0.0))
    fig.joints[f"{side}_hip"] = norm_angle(thigh - torso_down)
    fig.joints[f"{side}_knee"] = knee_flex
    _foot_points(fig, side, shin, ankle, float(leg.get("toes", 0.0)))


def _arm(fig: Figure, side: str, arm: Spec, torso_down: float) -> None:
    """Arms are authored relative to the torso, or by where the wrist goes."""
    sh = fig.points["shoulder"]
    if "reach" in arm:
        upper, fore = two_bone(sh, point_of(arm["reach"]), UPPER_ARM, FOREARM, arm.get("bend", -1))
        fig.joints[f"{side}_shoulder"] = norm_angle(upper - torso_down)
        fig.joints[f"{side}_elbow"] = norm_angle(fore - upper)
    else:
        upper = torso_down + float(arm.get("shoulder", 0.0))
        fore = upper + float(arm.get("elbow", 0.0))
        fig.joints[f"{side}_shoulder"] = float(arm.get("shoulder", 0.0))
        fig.joints[f"{side}_elbow"] = float(arm.get("elbow", 0.0))
    elbow = offset(sh, upper, UPPER_ARM)
    wrist = offset(elbow, fore, FOREARM)
    fig.points[f"{side}_elbow"] = elbow
    fig.points[f"{side}_wrist"] = wrist
    fig.points[f"{side}_hand"] = offset(wrist, fore + float(arm.get("wrist", 0.0)), HAND)


def _uses_ik(limb: Spec) -> bool:
    return "reach" in limb or "ankle_at" in limb


def _pose_once(spec: Spec) -> Figure:
    fig = Figure(
        chest=float(spec.get("chest", 1.0)),
        eyes=str(spec.get("eyes", "none")),
        toe_size=float(spec.get("toe_size", 1.0)),
        highlight=[(s, m) for s, m in (spec.get("highlight") or {}).items()],
    )
    torso = 90.0 - float(spec.get("lean", 0.0))  # lean: degrees forward of upright
    torso_down = torso - 180.0
    hip: Point = (0.0, 0.0)
    top = offset(hip, torso, TORSO)
    fig.points["hip"] = hip
    fig.points["neck"] = top
    fig.points["shoulder"] = offset(hip, torso, TORSO - SHOULDER_DROP + spec.get("shrug", 0.0))
    head_tilt = float(spec.get("head", 0.0))  # + chin towards the chest
    fig.joints["head"] = head_tilt
    fig.points["head"] = offset(top, torso - head_tilt, NECK + HEAD_R)
    fig.face = torso - head_tilt - 90.0

    legs: dict[str, Spec] = spec.get("legs", {})
    arms: dict[str, Spec] = spec.get("arms", {})
    # Limbs given by angles first: they may carry the anchor point.
    for side, leg in legs.items():
        if not _uses_ik(leg):
            _leg(fig, side, leg, torso_down)
    for side, arm in arms.items():
        if not _uses_ik(arm):
            _arm(fig, side, arm, torso_down)
    anchor = spec.get("anchor")
    if anchor:
        px, py = fig.points[anchor["point"]]
        at = point_of(anchor["at"])
        fig.shift(at[0] - px, at[1] - py)
    else:
        root = point_of(spec["root"])
        fig.shift(root[0], root[1])
    # IK limbs reach for absolute canvas positions, so they come after the shift.
    for side, leg in legs.items():
        if _uses_ik(leg):
            _leg(fig, side, leg, torso_down)
    for side, arm in arms.items():
        if _uses_ik(arm):
            _arm(fig, side, arm, torso_down)
    return fig


def _key(node: Any, key: str) -> Any:
    """Dotted paths step into dicts by name and into lists by index ("root.1")."""
    return int(key) if isinstance(node, list) else key


def _set_path(spec: Spec, path: str, value: float) -> None:
    keys = path.split(".")
    node: Any = spec
    for k in keys[:-1]:
        node = node[_key(node, k)]
    node[_key(node, keys[-1])] = value


def _get_path(spec: Spec, path: str) -> float:
    node: Any = spec
    for k in path.split("."):
        node = node[_key(node, k)]
    return float(node)


def _solve(spec: Spec, rule: Spec) -> None:
    """Vary one angle so a named point lands on a coordinate (e.g. a straight
    leg's heel exactly on the floor). A scan is plenty for one variable."""
    path, target_point = rule["vary"], rule["point"]
    axis, goal = ("y", coord(rule["y"])) if "y" in rule else ("x", coord(rule["x"]))
    i = 1 if axis == "y" else 0
    start = _get_path(spec, path)

    def error(v: float) -> float:
        trial = copy.deepcopy(spec)
        _set_path(trial, path, v)
        return abs(_pose_once(trial).points[target_point][i] - goal)

    # Of all angles that hit the goal, take the one nearest the authored value:
    # a straight leg can touch the floor in front of the body or behind it.
    best = min(
        (start + d * 0.5 for d in range(-180, 181)), key=lambda v: (round(error(v)), abs(v - start))
    )
    for step in (0.1, 0.02):  # refine around the coarse answer
        best = min((best + d * step for d in range(-5, 6)), key=error)
    _set_path(spec, path, round(best, 2))


def pose(spec: Spec) -> Figure:
    """Forward kinematics for one frame of poses.yaml."""
    spec = copy.deepcopy(spec)
    for rule in spec.get("solve", []):
        _solve(spec, rule)
    return _pose_once(spec)


# --- Anatomy checks --------------------------------------------------------


def _check_named(fig: Figure, name: str) -> str | None:
    """Pose-level promises from poses.yaml, e.g. "r_heel_down", "l_knee_straight"."""
    side, what = name.split("_", 1)
    p, j = fig.points, fig.joints
    tests: dict[str, Callable[[], bool]] = {
        "heel_down": lambda: abs(p[f"{side}_heel"][1] - GROUND_Y) < 1.5,
        "heel_up": lambda: p[f"{side}_heel"][1] < GROUND_Y - 6,
        "foot_flat": lambda: (
            max(abs(p[f"{side}_{k}"][1] - GROUND_Y) for k in ("heel", "ball")) < 1.5
        ),
        "ball_down": lambda: abs(p[f"{side}_ball"][1] - GROUND_Y) < 1.5,
        "knee_straight": lambda: j[f"{side}_knee"] <= STRAIGHT_KNEE,
        "knee_bent": lambda: j[f"{side}_knee"] >= BENT_KNEE,
        "toes_up": lambda: j[f"{side}_ankle"] >= 8,  # dorsiflexed
        "pointed": lambda: j[f"{side}_ankle"] <= -20,  # plantarflexed
    }
    if what not in tests:
        return f"unknown check {name!r}"
    return None if tests[what]() else f"{name} fails"


def check_pose(fig: Figure, promises: list[str]) -> list[str]:
    """Every joint inside human limits, plus whatever the pose promises.
    The back cannot round: the torso is one rigid segment by construction."""
    problems = []
    for joint, value in fig.joints.items():
        kind = joint.split("_")[-1]
        lo, hi = LIMITS[kind]
        if not lo <= value <= hi:
            problems.append(f"{joint}={value:.1f} outside {lo}..{hi}")
    for name in promises:
        msg = _check_named(fig, name)
        if msg:
            problems.append(msg)
    return problems


# --- SVG primitives --------------------------------------------------------


def fmt(v: float) -> str:
    """One decimal keeps files small and is far below a pixel at any size."""
    s = f"{v:.1f}"
    s = s.removesuffix(".0")
    return "0" if s == "-0" else s


def pts(points: list[Point]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)


def stroke_attrs(color: str, width: float) -> str:
    return (
        f'fill="none" stroke="{color}" stroke-width="{fmt(width)}" '
        'stroke-linecap="round" stroke-linejoin="round"'
    )


def polyline(points: list[Point], color: str, width: float) -> str:
    if len(points) == 2:
        (x1, y1), (x2, y2) = points
        return (
            f'<line x1="{fmt(x1)}" y1="{fmt(y1)}" x2="{fmt(x2)}" y2="{fmt(y2)}" '
            f"{stroke_attrs(color, width)}/>"
        )
    return f'<polyline points="{pts(points)}" {stroke_attrs(color, width)}/>'


def circle(c: Point, r: float, fill: str, stroke: str | None = None, sw: float = 0) -> str:
    extra = f' stroke="{stroke}" stroke-width="{fmt(sw)}"' if stroke else ""
    return f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(r)}" fill="{fill}"{extra}/>'


def path(d: str, color: str, width: float, fill: str = "none", opacity: float = 1.0) -> str:
    fill_attr = f'fill="{fill}"'
    if fill != "none" and opacity < 1:
        fill_attr += f' fill-opacity="{opacity}"'
    return (
        f'<path d="{d}" {fill_attr} stroke="{color}" stroke-width="{fmt(width)}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )


def prop_shape(d: str) -> str:
    """Every prop: warm grey outline over a translucent fill of the same grey,
    so it sits back on light and dark backgrounds alike."""
    return path(d, PROP, PROP_W, fill=PROP, opacity=PROP_FILL_OPACITY)


def rounded_rect(x: float, y: float, w: float, h: float, r: float) -> str:
    return (
        f"M{fmt(x + r)} {fmt(y)}H{fmt(x + w - r)}Q{fmt(x + w)} {fmt(y)} {fmt(x + w)} {fmt(y + r)}"
        f"V{fmt(y + h - r)}Q{fmt(x + w)} {fmt(y + h)} {fmt(x + w - r)} {fmt(y + h)}"
        f"H{fmt(x + r)}Q{fmt(x)} {fmt(y + h)} {fmt(x)} {fmt(y + h - r)}"
        f"V{fmt(y + r)}Q{fmt(x)} {fmt(y)} {fmt(x + r)} {fmt(y)}Z"
    )


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


# --- Figure drawing --------------------------------------------------------


def _capsules(chains: list[tuple[list[Point], float]], fill: str) -> list[str]:
    """All outlines of a body part first, then all fills, so the joints of
    one limb merge into a single shape with one outline."""
    out = [polyline(p, OUTLINE, w + 2 * OUTLINE_W) for p, w in chains]
    out += [polyline(p, fill, w) for p, w in chains]
    return out


def _leg_svg(fig: Figure, side: str, fill: str, thigh_from: float = 0.0) -> list[str]:
    """A whole leg, or (close-ups) the leg from `thigh_from` of the thigh's length
    down, so nothing of the body reaches past the canvas."""
    p = fig.points
    knee, ankle = p[f"{side}_knee"], p[f"{side}_ankle"]
    upper = [lerp(p["hip"], knee, thigh_from), knee]
    return _capsules(
        [
            ([*upper, ankle], LEG_W),
            ([p[f"{side}_ankle"], p[f"{side}_heel"], p[f"{side}_ball"]], FOOT_W),
            ([p[f"{side}_ball"], p[f"{side}_knuckle"], p[f"{side}_toe"]], TOE_W),
        ],
        fill,
    )


def _arm_svg(fig: Figure, side: str, fill: str) -> list[str]:
    p = fig.points
    return _capsules(
        [
            ([p["shoulder"], p[f"{side}_elbow"], p[f"{side}_wrist"]], ARM_W),
            ([p[f"{side}_wrist"], p[f"{side}_hand"]], HAND_W),
        ],
        fill,
    )


def _torso_svg(fig: Figure) -> list[str]:
    p = fig.points
    angle = angle_of(p["hip"], p["neck"])
    width = TORSO_W * fig.chest
    # Pull the capsule ends in by its radius so hips and shoulders are round
    # but do not overshoot the joints.
    low = offset(p["hip"], angle, 5.0)
    high = offset(p["neck"], angle, -width / 2 + 3.0)
    out = _capsules([([low, high], width), ([p["neck"], p["head"]], NECK_W)], NEAR)
    out.append(circle(p["head"], HEAD_R, NEAR, OUTLINE, OUTLINE_W * 1.2))
    out += _eyes(fig)
    return out


def _eyes(fig: Figure) -> list[str]:
    """Profile eye only where it matters (breathing, lying): a short tick,
    open = a dot-like stroke, closed = a flat lid line."""
    if fig.eyes == "none":
        return []
    c = fig.points["head"]
    face = fig.face
    # Sit the eye forward on the face, a touch above the head's centre line.
    eye = offset(offset(c, face, HEAD_R * 0.55), face + 90, HEAD_R * 0.12)
    if fig.eyes == "open":
        return [polyline([eye, offset(eye, face, 0.1)], OUTLINE, 5.0)]
    # Closed: a lid line curving towards the cheek, like a sleeping face.
    a, b = offset(eye, face + 90, 4.0), offset(eye, face - 90, 4.0)
    return [polyline([a, offset(lerp(a, b, 0.5), face, -2.2), b], OUTLINE, 2.4)]


# Where each muscle sits along its segment (fractions from the upper joint).
MUSCLES: dict[str, tuple[str, str, float, float]] = {
    "calf": ("knee", "ankle", 0.1, 0.58),  # gastrocnemius: upper back of the shin
    "soleus": ("knee", "ankle", 0.46, 0.88),  # lower calf, nearer the heel
    "hamstring": ("hip", "knee", 0.18, 0.88),  # back of the thigh
}


def _muscle_svg(fig: Figure, side: str, muscle: str) -> str:
    upper, lower, t0, t1 = MUSCLES[muscle]
    a = fig.points["hip"] if upper == "hip" else fig.points[f"{side}_{upper}"]
    b = fig.points[f"{side}_{lower}"]
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    # Posterior = the back of the leg: the segment direction turned +90 deg on
    # screen. It holds for standing, sitting and lying alike.
    nx, ny = -dy / length, dx / length
    c = lerp(a, b, (t0 + t1) / 2)
    # Nudged to the back of the limb and a little proud of it, like a
    # working muscle belly; big enough to read at 200 px high.
    c = (c[0] + nx * 2.4, c[1] + ny * 2.4)
    rx, ry = length * (t1 - t0) / 2, LEG_W * 0.41
    rot = math.degrees(math.atan2(dy, dx))
    return (
        f'<ellipse cx="{fmt(c[0])}" cy="{fmt(c[1])}" rx="{fmt(rx)}" ry="{fmt(ry)}" '
        f'fill="{ACCENT}" transform="rotate({fmt(rot)} {fmt(c[0])} {fmt(c[1])})"/>'
    )


def figure_layers(fig: Figure) -> dict[str, list[str]]:
    """Depth order: far limbs behind the body, near limbs in front."""
    far_arm = _arm_svg(fig, "l", FAR) if "l_wrist" in fig.points else []
    far_leg = _leg_svg(fig, "l", FAR) if "l_knee" in fig.points else []
    near_leg = _leg_svg(fig, "r", NEAR) if "r_knee" in fig.points else []
    near_arm = _arm_svg(fig, "r", NEAR) if "r_wrist" in fig.points else []
    far_hl = [_muscle_svg(fig, s, m) for s, m in fig.highlight if s == "l"]
    near_hl = [_muscle_svg(fig, s, m) for s, m in fig.highlight if s == "r"]
    return {
        "far": far_arm + far_leg + far_hl,
        "body": _torso_svg(fig),
        "near_leg": near_leg + near_hl,
        "near_arm": near_arm,
    }


# --- Props -------------------------------------------------------------------


def floor_svg() -> str:
    return polyline([(14, FLOOR_Y), (WIDTH - 14, FLOOR_Y)], PROP, PROP_W)


def wall_svg(x: float) -> str:
    return prop_shape(f"M{fmt(x)} {fmt(FLOOR_Y)}V24H{fmt(x + 16)}V{fmt(FLOOR_Y)}")


def bed_svg(x0: float, x1: float, top: float, headboard: bool = True) -> list[str]:
    """Side view: mattress on a base, short legs, headboard on the left."""
    out = []
    if headboard:
        out.append(prop_shape(rounded_rect(x0 - 14, top - 70, 14, FLOOR_Y - top + 70, 5)))
    base_top = top + 24
    out.append(prop_shape(f"M{fmt(x0)} {fmt(base_top)}H{fmt(x1)}V{fmt(base_top + 14)}H{fmt(x0)}Z"))
    for x in (x0 + 8, x1 - 16):
        out.append(prop_shape(rounded_rect(x, base_top + 14, 8, FLOOR_Y - base_top - 14, 2)))
    out.append(prop_shape(rounded_rect(x0, top, x1 - x0, 24, 10)))
    return out


def pillow_svg(c: Point, rx: float, ry: float, rot: float) -> str:
    return (
        f'<ellipse cx="{fmt(c[0])}" cy="{fmt(c[1])}" rx="{fmt(rx)}" ry="{fmt(ry)}" '
        f'fill="{PROP}" fill-opacity="{PROP_FILL_OPACITY}" stroke="{PROP}" '
        f'stroke-width="{fmt(PROP_W)}" transform="rotate({fmt(rot)} {fmt(c[0])} {fmt(c[1])})"/>'
    )


def chair_svg(x: float, seat: float, back: str = "left", depth: float = 56) -> list[str]:
    """Side view; `x` is the seat's left edge, `back` which side the backrest is."""
    bx = x if back == "left" else x + depth
    out = [
        prop_shape(rounded_rect(x, seat, depth, 8, 3)),
        polyline([(x + 5, seat + 8), (x + 5, FLOOR_Y)], PROP, PROP_W),
        polyline([(x + depth - 5, seat + 8), (x + depth - 5, FLOOR_Y)], PROP, PROP_W),
    ]
    if back != "none":  # a solid backrest post to hold on to
        left = bx if back == "left" else bx - 7
        out.append(prop_shape(rounded_rect(left, seat - 74, 7, 74, 3)))
    return out


def step_svg(x: float, w: float, h: float) -> str:
    return prop_shape(rounded_rect(x, FLOOR_Y - h, w, h, 3))


def stool_svg(x: float, w: float, top: float) -> list[str]:
    return [
        prop_shape(rounded_rect(x, top, w, 9, 3)),
        polyline([(x + 6, top + 9), (x + 4, FLOOR_Y)], PROP, PROP_W),
        polyline([(x + w - 6, top + 9), (x + w - 4, FLOOR_Y)], PROP, PROP_W),
    ]


def counter_svg(x: float, top: float) -> list[str]:
    """Kitchen counter seen end-on: a worktop slab over a cupboard."""
    return [
        prop_shape(f"M{fmt(x + 8)} {fmt(top + 10)}V{fmt(FLOOR_Y)}H{WIDTH - 14}V{fmt(top + 10)}"),
        prop_shape(rounded_rect(x, top, WIDTH - 14 - x, 10, 3)),
    ]


def band_svg(hand: Point, foot: FootPoints, taut: bool) -> list[str]:
    """Towel or sheet from the hands round the ball of the foot. Slack sags in
    a curve; taut is a straight line - the one thing that changes A -> B."""
    ball, toe, heel = foot
    # The band wraps the sole just below the ball: one strand on each side.
    sole_dir = angle_of(heel, ball)
    wrap = offset(ball, sole_dir - 90, FOOT_W / 2 + 1)
    front = offset(lerp(ball, toe, 0.2), sole_dir, 2)
    if taut:
        d = f"M{fmt(hand[0])} {fmt(hand[1])}L{fmt(wrap[0])} {fmt(wrap[1])}"
    else:
        mid = lerp(hand, wrap, 0.5)
        sag = (mid[0], mid[1] + 26)
        d = (
            f"M{fmt(hand[0])} {fmt(hand[1])}"
            f"Q{fmt(sag[0])} {fmt(sag[1])} {fmt(wrap[0])} {fmt(wrap[1])}"
        )
    d += f"Q{fmt(front[0] + 6)} {fmt(front[1] + 4)} {fmt(front[0])} {fmt(front[1] - 3)}"
    return [path(d, OUTLINE, 8.2), path(d, BAND, 5.2)]


def sheet_svg(fig: Figure, end_x: float, top: float, tucked: bool) -> list[str]:
    """Bedsheet over a lying figure. Tucked: pulled tight over the feet and
    under the mattress end. Loose: folded back at the ankles, feet free."""
    p = fig.points
    chest = lerp(p["hip"], p["neck"], 0.72)
    start = (chest[0], top)
    over_chest = (chest[0], chest[1] - 19)
    over_hip = (p["hip"][0], p["hip"][1] - 14)
    over_knee = (p["r_knee"][0], p["r_knee"][1] - 12)
    if tucked:
        tip = p["r_toe"]
        over_toe = (tip[0] + 2, tip[1] - 6)
        d = (
            f"M{fmt(start[0])} {fmt(start[1])}L{fmt(over_chest[0])} {fmt(over_chest[1])}"
            f"Q{fmt(over_hip[0])} {fmt(over_hip[1] - 3)} {fmt(over_knee[0])} {fmt(over_knee[1])}"
            f"L{fmt(over_toe[0])} {fmt(over_toe[1])}L{fmt(end_x)} {fmt(top + 8)}"
            f"V{fmt(top + 30)}H{fmt(end_x - 8)}V{fmt(top)}Z"
        )
    else:
        ankle = p["r_ankle"]
        fold = (ankle[0] - 8, ankle[1] - 11)
        d = (
            f"M{fmt(start[0])} {fmt(start[1])}L{fmt(over_chest[0])} {fmt(over_chest[1])}"
            f"Q{fmt(over_hip[0])} {fmt(over_hip[1] - 3)} {fmt(over_knee[0])} {fmt(over_knee[1])}"
            f"L{fmt(fold[0])} {fmt(fold[1])}Q{fmt(fold[0] + 7)} {fmt(fold[1] + 8)} "
            f"{fmt(fold[0])} {fmt(top + 2)}Z"
        )
    return [path(d, PROP, PROP_W, fill=SHEET)]


def pack_svg(fig: Figure, t: float, lift: float) -> list[str]:
    """A wrapped cold/warm pack on the back of the near calf (lift > 0 holds
    it just off the leg)."""
    k, a = fig.points["r_knee"], fig.points["r_ankle"]
    c = lerp(k, a, t)
    rot = math.degrees(math.atan2(a[1] - k[1], a[0] - k[0]))
    dx, dy = a[0] - k[0], a[1] - k[1]
    n = math.hypot(dx, dy)
    # On the posterior side (the calf), `lift` px away from the skin.
    gap = LEG_W / 2 + 5 + lift
    c = (c[0] - dy / n * gap, c[1] + dx / n * gap)
    cx, cy = c
    tr = f'transform="rotate({fmt(rot)} {fmt(cx)} {fmt(cy)})"'
    body = (
        f'<rect x="{fmt(cx - 17)}" y="{fmt(cy - 7)}" width="34" height="14" rx="6" '
        f'fill="{BAND}" stroke="{OUTLINE}" stroke-width="{OUTLINE_W}" {tr}/>'
    )
    tie = (
        f'<line x1="{fmt(cx)}" y1="{fmt(cy - 7)}" x2="{fmt(cx)}" y2="{fmt(cy + 7)}" '
        f'stroke="{OUTLINE}" stroke-width="{OUTLINE_W}" {tr}/>'
    )
    return [body, tie]


def breath_svg(fig: Figure) -> list[str]:
    """A slow breath out: three widening ripples in front of the mouth, in prop grey."""
    c, face = fig.points["head"], fig.face
    mouth = offset(offset(c, face, HEAD_R * 0.95), face - 90, HEAD_R * 0.3)
    out = []
    for k in range(3):
        mid = offset(mouth, face, 7 + 7 * k)
        r = 3.5 + 2.5 * k
        a, b = offset(mid, face + 90, r), offset(mid, face - 90, r)
        bulge = offset(mid, face, r * 0.9)
        d = f"M{fmt(a[0])} {fmt(a[1])}Q{fmt(bulge[0])} {fmt(bulge[1])} {fmt(b[0])} {fmt(b[1])}"
        out.append(path(d, PROP, PROP_W * 0.8))
    return out


def chevron_svg(x: float) -> list[str]:
    """Downward chevrons under the feet: press down, no words needed. Prop
    grey, not the accent: the accent only ever means "this muscle works"."""
    out = []
    for dy in (0, 7):
        y = FLOOR_Y + 7 + dy
        out.append(polyline([(x - 9, y), (x, y + 6), (x + 9, y)], PROP, PROP_W))
    return out


def arc_svg(c: Point, r: float) -> list[str]:
    """A round-the-clock arrow: most of a circle plus a small arrowhead."""
    start, end = offset(c, 110, r), offset(c, 70, r)
    d = f"M{fmt(start[0])} {fmt(start[1])}A{fmt(r)} {fmt(r)} 0 1 0 {fmt(end[0])} {fmt(end[1])}"
    tip = end
    head = [offset(tip, 150, 7), tip, offset(tip, 250, 7)]
    return [path(d, PROP, PROP_W), polyline(head, PROP, PROP_W)]


# --- Document --------------------------------------------------------------

PROP_DRAWERS: dict[str, Callable[[Spec, Figure], list[str]]] = {
    "wall": lambda s, f: [wall_svg(s["x"])],
    "bed": lambda s, f: bed_svg(s["x0"], s["x1"], s["top"], s.get("headboard", True)),
    "pillow": lambda s, f: [pillow_svg(point_of(s["at"]), s["rx"], s["ry"], s.get("rot", 0))],
    "chair": lambda s, f: chair_svg(s["x"], s["seat"], s.get("back", "left"), s.get("depth", 56)),
    "step": lambda s, f: [step_svg(s["x"], s["w"], s["h"])],
    "stool": lambda s, f: stool_svg(s["x"], s["w"], s["top"]),
    "counter": lambda s, f: counter_svg(s["x"], s["top"]),
    "towel": lambda s, f: band_svg(
        lerp(f.points["r_hand"], f.points["l_hand"], 0.5),
        (f.points["r_ball"], f.points["r_toe"], f.points["r_heel"]),
        bool(s.get("taut", False)),
    ),
    "sheet": lambda s, f: sheet_svg(f, s["end_x"], s["top"], bool(s.get("tucked", True))),
    "pack": lambda s, f: pack_svg(f, s.get("t", 0.55), s.get("lift", 0)),
    "breath": lambda s, f: breath_svg(f),
    "chevron": lambda s, f: [e for x in s["x"] for e in chevron_svg(x)],
    "arc": lambda s, f: arc_svg(f.points[s["around"]], s.get("r", 14)),
}

# Props the figure sits in front of vs. props that lie over the near leg
# (but under the near hand, which holds them).
FRONT_PROPS = {"towel", "sheet", "pack"}


def closeup_svg(fig: Figure, zoom: Spec) -> str:
    """Only the near leg, enlarged `scale` times, its heel resting on the floor line at
    `x`. For a picture that has to fit more than one setting (in bed or standing): the
    foot's movement is the whole instruction."""
    scale, thigh_from = float(zoom["scale"]), float(zoom.get("thigh_from", 0.5))
    heel = fig.points["r_heel"]
    # The sole's stroke and outline scale too, so lift the heel by their scaled half-width.
    to = (float(zoom["x"]), FLOOR_Y - PROP_W / 2 - (FOOT_W / 2 + OUTLINE_W) * scale)
    leg = _leg_svg(fig, "r", NEAR, thigh_from)
    leg += [_muscle_svg(fig, s, m) for s, m in fig.highlight if s == "r"]
    transform = (
        f"translate({fmt(to[0])} {fmt(to[1])}) scale({fmt(scale)}) "
        f"translate({fmt(-heel[0])} {fmt(-heel[1])})"
    )
    return svg_document([floor_svg(), f'<g transform="{transform}">', *leg, "</g>"])


def render_svg(fig: Figure, props: list[Spec], zoom: Spec | None = None) -> str:
    """The whole picture as an SVG Tiny 1.2-friendly string."""
    if zoom:
        return closeup_svg(fig, zoom)
    back: list[str] = [floor_svg()]
    front: list[str] = []
    for prop in props:
        target = front if prop["kind"] in FRONT_PROPS else back
        target += PROP_DRAWERS[prop["kind"]](prop, fig)
    layers = figure_layers(fig)
    body = back + layers["far"] + layers["body"] + layers["near_leg"] + front + layers["near_arm"]
    return svg_document(body)


def svg_document(body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )
