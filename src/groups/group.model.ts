// The group as the domain sees it, independent of rows and wire formats.
export interface Group {
  id: string;
  name: string;
  parent: string | null;
  isSuperuser: boolean;
  attributes: Record<string, unknown>;
  memberCount: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface GroupFields {
  name: string;
  parent: string | null;
  isSuperuser: boolean;
  attributes: Record<string, unknown>;
}
