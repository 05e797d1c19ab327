/**
 * SpreadsheetApp.getUi(): menus, the sidebar, alerts and dialogs, recorded in the world's UI state
 * so tests and the playground can see what the user would. An add-on's menu (createAddonMenu)
 * appears under Extensions with the add-on's name (EnvironmentOptions.addOnName).
 */
import { Button, ButtonSet } from './enums';
import type { Execution } from './execution';
import { htmlContents } from './html';
import { serviceObject } from './service';
import type { MenuState } from './world';

type Menu = GoogleAppsScript.Base.Menu;

function menuObject(exec: Execution, state: MenuState, addon: boolean): Menu {
  const impl: Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> = {
    addItem(caption, functionName) {
      state.items.push({ caption: String(caption), functionName: String(functionName) });
      return self;
    },
    addSeparator() {
      state.items.push({ caption: '', functionName: '' });
      return self;
    },
    addSubMenu(menu) {
      void menu;
      throw new Error('offline runtime: Menu.addSubMenu is not implemented');
    },
    addToUi() {
      const ui = exec.world.ui;
      const copy = {
        title: state.title,
        items: state.items.filter((i) => i.functionName !== '').map((i) => ({ ...i })),
      };
      if (addon) ui.menu = copy;
      else ui.menus = [...ui.menus.filter((m) => m.title !== copy.title), copy];
    },
  };
  const self = serviceObject<Menu>(exec, 'Menu', impl);
  return self;
}

function outputOf(output: unknown): { title: string; html: string; width: number; height: number } {
  const state = htmlContents.get(output as object);
  if (!state) throw new Error("The parameters (Object) don't match the method signature for Ui.showSidebar.");
  return { title: state.title, html: state.content, width: state.width, height: state.height };
}

type Ui = GoogleAppsScript.Base.Ui;

export function uiObject(exec: Execution): Ui {
  const ui = exec.world.ui;
  const impl: Pick<
    Ui,
    'createAddonMenu' | 'createMenu' | 'showSidebar' | 'alert' | 'showModalDialog' | 'showModelessDialog'
  > &
    Record<string, unknown> = {
    createAddonMenu: () => menuObject(exec, { title: exec.world.settings.addOnName, items: [] }, true),
    createMenu: (caption) => menuObject(exec, { title: String(caption), items: [] }, false),
    showSidebar(userInterface) {
      const o = outputOf(userInterface);
      ui.sidebar = { title: o.title, html: o.html };
    },
    alert: ((...args: unknown[]) => {
      // alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons): record the text shown.
      const text = typeof args[1] === 'string' ? `${String(args[0])}: ${args[1]}` : String(args[0]);
      ui.alerts.push(text);
      return Button.OK;
    }) as unknown as Ui['alert'],
    showModalDialog(userInterface, title) {
      ui.dialogs.push({ title: String(title), html: outputOf(userInterface).html, modal: true });
    },
    showModelessDialog(userInterface, title) {
      ui.dialogs.push({ title: String(title), html: outputOf(userInterface).html, modal: false });
    },
    Button,
    ButtonSet,
  };
  return serviceObject(exec, 'Ui', impl);
}
