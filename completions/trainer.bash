# bash completion for trainer, made by tests/tools/gen-docs.c from the
# command table: do not edit, run 'make docs'.

_trainer_files() {
	local IFS=$'\n'
	COMPREPLY=($(compgen -f -- "$cur"))
	compopt -o filenames 2>/dev/null
}

_trainer_words() {
	COMPREPLY=($(compgen -W "$1" -- "$cur"))
}

# names from 'trainer names', with the --db and --decks of the line
_trainer_names() {
	local IFS=$'\n'
	COMPREPLY=($("${COMP_WORDS[0]}" "${globals[@]}" names "$1" "$cur" 2>/dev/null))
	compopt -o nosort 2>/dev/null
}

_trainer() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd= i w globals=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--db | --decks)
			globals+=("$w" "${COMP_WORDS[i+1]}")
			((i++)) ;;
		--db=* | --decks=*) globals+=("$w") ;;
		--now | --seed) ((i++)) ;;
		-*) ;;
		*) [ -z "$cmd" ] && cmd=$w ;;
		esac
	done
	case $prev in
	--db) _trainer_files; return ;;
	--decks) _trainer_files; return ;;
	--now) COMPREPLY=(); return ;;
	--seed) COMPREPLY=(); return ;;
	esac
	case $cmd in
	review)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		--new) COMPREPLY=(); return ;;
		--limit) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--deck --tag --new --limit --help' -- "$cur"))
		fi
		;;
	quiz)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		--count) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--deck --tag --count --chronology --help' -- "$cur"))
		fi
		;;
	drill)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--deck --tag --chronology --help' -- "$cur"))
		fi
		;;
	check)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--help' -- "$cur"))
		else
			_trainer_files
		fi
		;;
	cards)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		--search) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--json --deck --tag --due --search --suspended --help' -- "$cur"))
		fi
		;;
	stats)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		--days) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--json --deck --tag --days --help' -- "$cur"))
		fi
		;;
	sessions)
		case $prev in
		--limit) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--json --limit --help' -- "$cur"))
		fi
		;;
	report)
		case $prev in
		--html) _trainer_files; return ;;
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		--days) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--html --deck --tag --days --help' -- "$cur"))
		fi
		;;
	replay)
		case $prev in
		--retention) COMPREPLY=(); return ;;
		--params) _trainer_files; return ;;
		--rollover) COMPREPLY=(); return ;;
		--learning-steps) COMPREPLY=(); return ;;
		--relearning-steps) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--retention --no-fuzz --params --rollover --learning-steps --relearning-steps --help' -- "$cur"))
		else
			COMPREPLY=()
		fi
		;;
	backup)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--help' -- "$cur"))
		else
			_trainer_files
		fi
		;;
	db)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--help' -- "$cur"))
		else
			_trainer_words 'check path'
		fi
		;;
	suspend)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--deck --tag --help' -- "$cur"))
		else
			_trainer_names cards
		fi
		;;
	unsuspend)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--deck --tag --help' -- "$cur"))
		else
			_trainer_names cards
		fi
		;;
	config)
		case $prev in
		--target) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--json --reset --target --help' -- "$cur"))
		else
			_trainer_names settings
		fi
		;;
	optimize)
		case $prev in
		--reviews) _trainer_files; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--dry-run --reviews --json --reset --help' -- "$cur"))
		fi
		;;
	sync)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--help' -- "$cur"))
		else
			_trainer_files
		fi
		;;
	history)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--help' -- "$cur"))
		else
			_trainer_names cards
		fi
		;;
	import)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--title) COMPREPLY=(); return ;;
		--tag) _trainer_names tags; return ;;
		--output | -o) _trainer_files; return ;;
		--separator) COMPREPLY=(); return ;;
		--row-separator) COMPREPLY=(); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--deck --title --tag --output --separator --row-separator --no-quotes --html --detect-types --text-only --help' -- "$cur"))
		else
			_trainer_files
		fi
		;;
	draft)
		case $prev in
		--deck) COMPREPLY=(); return ;;
		--title) COMPREPLY=(); return ;;
		--output | -o) _trainer_files; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--deck --title --output --force --dry-run --json --help' -- "$cur"))
		else
			_trainer_files
		fi
		;;
	export)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		--output | -o) _trainer_files; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--csv --json --deck --tag --output --all --help' -- "$cur"))
		else
			_trainer_words 'cards reviews deck'
		fi
		;;
	timeline)
		case $prev in
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		--html) _trainer_files; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--deck --tag --html --json --help' -- "$cur"))
		fi
		;;
	plan)
		case $prev in
		--exam) COMPREPLY=(); return ;;
		--target) COMPREPLY=(); return ;;
		--deck) _trainer_names decks; return ;;
		--tag) _trainer_names tags; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--exam --target --deck --tag --json --help' -- "$cur"))
		fi
		;;
	names)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--help' -- "$cur"))
		else
			_trainer_words 'commands decks tags cards settings'
		fi
		;;
	*)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--db --decks --now --seed --no-color --help --version ' -- "$cur"))
		else
			COMPREPLY=($(compgen -W 'review quiz drill check cards stats sessions report replay backup db suspend unsuspend config optimize sync history import draft export timeline plan names' -- "$cur"))
		fi
		;;
	esac
}
complete -F _trainer trainer
