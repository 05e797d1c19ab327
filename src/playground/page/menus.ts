/**
 * The menu bar's Extensions › Cadence menu, built from what the add-on's onOpen added. Click or
 * keyboard: Enter, Space or ArrowDown opens, the arrows move, Escape closes.
 */
import { $ } from './dom';
import { state } from './state';

function setOpen(button: HTMLElement, menu: HTMLElement, open: boolean): void {
  button.setAttribute('aria-expanded', String(open));
  menu.hidden = !open;
}

export function closeMenus(): void {
  setOpen($('addon'), $('addon-menu'), false);
  setOpen($('extensions'), $('extensions-menu'), false);
}

function focusFirst(menu: HTMLElement): void {
  menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
}

/** The add-on's menu items; choosing one runs its function through `run`. */
export function renderMenu(run: (functionName: string) => void): void {
  const menu = $('addon-menu');
  const items = (state.ui && state.ui.menu && state.ui.menu.items) || [];
  $('addon').textContent = (state.ui && state.ui.menu && state.ui.menu.title) || 'Cadence';
  menu.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'none');
      const button = document.createElement('button');
      button.setAttribute('role', 'menuitem');
      button.textContent = item.caption;
      button.addEventListener('click', () => {
        closeMenus();
        run(item.functionName);
      });
      li.append(button);
      return li;
    }),
  );
  if (items.length === 0) {
    const li = document.createElement('li');
    li.setAttribute('role', 'none');
    li.textContent = '(onOpen built no menu)';
    li.style.padding = '6px 16px';
    menu.append(li);
  }
}

export function menuKeyboard(): void {
  const extensions = $('extensions');
  const extensionsMenu = $('extensions-menu');
  const addon = $('addon');
  const addonMenu = $('addon-menu');
  extensions.addEventListener('click', () => {
    const open = extensions.getAttribute('aria-expanded') !== 'true';
    closeMenus();
    setOpen(extensions, extensionsMenu, open);
  });
  extensions.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(extensions, extensionsMenu, true);
      focusFirst(extensionsMenu);
    }
  });
  addon.addEventListener('click', () => {
    setOpen(addon, addonMenu, true);
    focusFirst(addonMenu);
  });
  addon.addEventListener('mouseenter', () => setOpen(addon, addonMenu, true));
  addon.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight') {
      event.preventDefault();
      setOpen(addon, addonMenu, true);
      focusFirst(addonMenu);
    }
  });
  addonMenu.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      setOpen(addon, addonMenu, false);
      addon.focus();
    }
  });
  for (const menu of [extensionsMenu, addonMenu]) {
    menu.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      event.stopPropagation();
      const items = [...menu.querySelectorAll<HTMLElement>(':scope > li > [role="menuitem"]')];
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      if (next) next.focus();
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && extensions.getAttribute('aria-expanded') === 'true') {
      closeMenus();
      extensions.focus();
    }
  });
  document.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    if (!target || !target.closest || !target.closest('.menubar')) closeMenus();
  });
}
