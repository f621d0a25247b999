import { useEffect, useLayoutEffect, useRef, useState } from "react";
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  /** The tab row never wraps or scrolls: tabs that do not fit go into the "More" menu. */
  row: { minWidth: 0, overflow: "hidden", flexWrap: "nowrap" },
  more: { minWidth: "auto", flexShrink: 0 },
});

export interface ViewTab<K extends string> {
  key: K;
  name: string;
}

/**
 * The pane's views as a tab list that overflows into a menu when the pane is narrow (a 320 px pane
 * at 200% zoom is 160 CSS px), as Fluent UI's TabList "With Overflow" story does: each tab is an
 * OverflowItem, the selected one has the highest priority so it stays visible, and the hidden ones
 * are offered in a menu whose button is itself a tab.
 */
export function ViewTabs<K extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: ViewTab<K>[];
  selected: K;
  onSelect: (k: K) => void;
  label: string;
}) {
  const styles = useStyles();
  // Crossing the narrow width swaps the tab row for another, so the focused tab is a new element:
  // the tab that had the keyboard focus gets it back (else the selected one), or a keyboard user
  // zooming the pane would be left on the page's body.
  const focusedTab = useRef<string | null>(null);
  const narrow = useNarrow(() => {
    const el = typeof document !== "undefined" ? document.activeElement : null;
    focusedTab.current = el && el.getAttribute("role") === "tab" && el.id ? el.id : null;
  });
  useLayoutEffect(() => {
    const id = focusedTab.current;
    focusedTab.current = null;
    if (!id) return;
    const again = document.getElementById(id);
    again?.focus();
    if (document.activeElement !== again) document.getElementById(`tab-${selected}`)?.focus();
  }, [narrow]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the row is swapped
  if (!narrow)
    return (
      <TabList selectedValue={selected} onTabSelect={(_, d) => onSelect(d.value as K)} size="small" aria-label={label}>
        {tabs.map((t) => (
          <Tab
            key={t.key}
            value={t.key}
            id={`tab-${t.key}`}
            aria-controls={t.key === selected ? `panel-${t.key}` : undefined}
          >
            {t.name}
          </Tab>
        ))}
      </TabList>
    );
  return (
    <Overflow minimumVisible={1} padding={8}>
      <TabList
        className={styles.row}
        selectedValue={selected}
        onTabSelect={(_, d) => onSelect(d.value as K)}
        size="small"
        aria-label={label}
      >
        {tabs.map((t) => (
          <OverflowItem key={t.key} id={t.key} priority={t.key === selected ? 2 : 1}>
            <Tab value={t.key} id={`tab-${t.key}`} aria-controls={t.key === selected ? `panel-${t.key}` : undefined}>
              {t.name}
            </Tab>
          </OverflowItem>
        ))}
        <MoreTabs tabs={tabs} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}

/**
 * Whether the pane is narrower than the four tabs need (about 300 CSS px: the 320 px pane at 150%
 * zoom and more). Only then are the tabs measured for overflow; wider, they always fit.
 */
const NARROW = "(max-width: 300px)";
function useNarrow(beforeChange: () => void): boolean {
  const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia(NARROW) : null;
  const [narrow, setNarrow] = useState(!!query?.matches);
  const before = useRef(beforeChange);
  before.current = beforeChange;
  useEffect(() => {
    if (!query) return;
    const on = () => {
      before.current();
      setNarrow(query.matches);
    };
    query.addEventListener?.("change", on);
    return () => query.removeEventListener?.("change", on);
  }, [query?.media]); // eslint-disable-line react-hooks/exhaustive-deps -- a new list each render: its media query is what matters
  return narrow;
}

function MoreTabs<K extends string>({ tabs, onSelect }: { tabs: ViewTab<K>[]; onSelect: (k: K) => void }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          size="small"
          className={styles.more}
          role="tab"
          aria-selected={false}
          aria-label={`More views (${overflowCount})`}
        >
          More…
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((t) => (
            <HiddenTab key={t.key} tab={t} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenTab<K extends string>({ tab, onSelect }: { tab: ViewTab<K>; onSelect: (k: K) => void }) {
  const visible = useIsOverflowItemVisible(tab.key);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.key)}>{tab.name}</MenuItem>;
}
