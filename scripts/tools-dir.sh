# Sourced by the install scripts: where machine-wide tools for this project live (outside the checkout).
TOOLS_DIR="${COMMON_GROUND_TOOLS:-$HOME/.cache/common-ground}"
export TOOLS_DIR
