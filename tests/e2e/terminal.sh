# The readline session through a real pseudo-terminal (pexpect): prompt,
# tab completion, :undo, a changed rating, Ctrl-D and Ctrl-C, colours.
. "$(dirname "$0")/lib.bash"
exec /usr/bin/python3 "$(dirname "$0")/terminal.py" "$TRAINER" "$WORK"
